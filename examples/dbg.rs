fn main() {
    let bytes = std::fs::read(std::env::args().nth(1).unwrap()).unwrap();
    let p = textmend::Pipeline::preset(&std::env::args().nth(2).unwrap_or("news".into())).unwrap();
    let c = p.clean_bytes(&bytes);
    println!("{:?} {:?}", c.meta.encoding, c.text);
    let again = p.clean(&c.text);
    println!("{:?}", again.edits);
}
