fn main() {
    let bytes = std::fs::read(std::env::args().nth(1).unwrap()).unwrap();
    let p = textmend::Pipeline::preset("news").unwrap();
    let c = p.clean_bytes(&bytes);
    println!("{:?} {:?}\n{:?}", c.meta.encoding, c.text, c.edits);
    let again = p.clean(&c.text);
    println!("{:?}", again.edits);
}
