//! A small stable sort for the short lists this crate orders (results, sessions, languages).
//!
//! The standard library's stable sort is fast on long slices but is compiled anew for every
//! element type and key, about 3 KB of WebAssembly each time; the lists here hold at most a
//! few hundred items, where an insertion sort is just as quick and a few hundred bytes.

/// Sorts `items` by `key`, keeping equal items in their order (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by_key(&mut ours, |(k, _)| *k);
            theirs.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, theirs);
        }
    }
}
