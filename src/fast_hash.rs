//! A hasher for the short keys the stages count and remember within one document (words,
//! names, sequences of mojibake): multiply and rotate, as rustc's FxHasher, eight bytes at a
//! time. The keys of one document are not chosen to collide, and SipHash would cost more than
//! the work the maps save.

/// A [`std::hash::BuildHasher`] of [`FastHasher`]s: `HashMap::with_hasher(FastHash)`.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHash;

/// See the module docs.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl std::hash::BuildHasher for FastHash {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHash`]: also the same iteration order and the same work on every run,
/// which `RandomState` is not (a fuzzer with a fixed seed must take the same path each time).
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FastHash>;

/// A `HashSet` with [`FastHash`] (see [`FastMap`]).
pub(crate) type FastSet<T> = std::collections::HashSet<T, FastHash>;
