//! Small string-keyed maps and sets, kept sorted in vectors: [`StrMap`] and [`StrSet`].
//!
//! They replace `BTreeMap<String, _>` and `BTreeSet<String>` for code size in the WebAssembly
//! bundle: the standard B-tree is compiled anew for every key and value type (insert,
//! rebalancing, clone, drop and iteration, a few KB each time), and collecting into one also
//! compiles the standard stable sort. Here the keys live in their own `Vec<String>`, so the
//! search and the key handling are compiled once for every map and set, and only the small
//! value-vector operations are per value type. The maps in this project hold a few dozen
//! entries at most (languages, phrases of a locale, answers, procedures), where a binary search
//! and a vector insert are as quick as a B-tree.
//!
//! They behave like the B-tree types for what the project uses: iteration is in key order, a
//! key appears once, `insert` replaces and returns the previous value, equality is equality of
//! the entries, and in JSON (serde, with the `serde` feature) a map is a plain object.

#[cfg(feature = "serde")]
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
#[cfg(feature = "serde")]
use serde::ser::{Serialize, Serializer};
use std::fmt;
#[cfg(feature = "serde")]
use std::marker::PhantomData;

/// Where `key` is in the sorted `keys`: `Ok(index)` when present, else `Err(index)` where it
/// would be inserted. One function for every map and set.
fn search(keys: &[String], key: &str) -> Result<usize, usize> {
    keys.binary_search_by(|k| k.as_str().cmp(key))
}

/// A map from `String` keys to `V`, iterated in key order (like `BTreeMap<String, V>`).
#[derive(Clone, PartialEq, Eq)]
pub struct StrMap<V> {
    /// Sorted, without repeats.
    keys: Vec<String>,
    /// `values[i]` belongs to `keys[i]`.
    values: Vec<V>,
}

/// The entries of a [`StrMap`] in key order.
pub type Iter<'a, V> = std::iter::Zip<std::slice::Iter<'a, String>, std::slice::Iter<'a, V>>;

/// The entries of a [`StrMap`] in key order, taken out of it.
pub type IntoIter<V> = std::iter::Zip<std::vec::IntoIter<String>, std::vec::IntoIter<V>>;

impl<V> StrMap<V> {
    /// An empty map (usable in a `static`).
    pub const fn new() -> StrMap<V> {
        StrMap {
            keys: Vec::new(),
            values: Vec::new(),
        }
    }

    /// The value of `key`, if any.
    pub fn get(&self, key: &str) -> Option<&V> {
        search(&self.keys, key).ok().map(|i| &self.values[i])
    }

    /// The value of `key` to change, if any.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        search(&self.keys, key).ok().map(|i| &mut self.values[i])
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        search(&self.keys, key).is_ok()
    }

    /// Sets `key` to `value`, returning the previous value.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match search(&self.keys, &key) {
            Ok(i) => Some(std::mem::replace(&mut self.values[i], value)),
            Err(i) => {
                self.keys.insert(i, key);
                self.values.insert(i, value);
                None
            }
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        let i = search(&self.keys, key).ok()?;
        self.keys.remove(i);
        Some(self.values.remove(i))
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, V> {
        self.keys.iter().zip(self.values.iter())
    }

    /// The keys in order.
    pub fn keys(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }

    /// The values in key order.
    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.values.iter()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

impl<V> Default for StrMap<V> {
    fn default() -> StrMap<V> {
        StrMap::new()
    }
}

impl<V: fmt::Debug> fmt::Debug for StrMap<V> {
    /// Like a `BTreeMap`: `{"en": "Acne", "tr": "Akne"}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> std::ops::Index<&str> for StrMap<V> {
    type Output = V;

    /// The value of `key`; panics when there is none (like a `BTreeMap`).
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

impl<'a, V> IntoIterator for &'a StrMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

impl<V> IntoIterator for StrMap<V> {
    type Item = (String, V);
    type IntoIter = IntoIter<V>;

    fn into_iter(self) -> IntoIter<V> {
        self.keys.into_iter().zip(self.values)
    }
}

impl<V> FromIterator<(String, V)> for StrMap<V> {
    /// Inserts every entry in turn (a later repeat of a key replaces the earlier value); no
    /// sort is compiled for it.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> StrMap<V> {
        let mut map = StrMap::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

#[cfg(feature = "serde")]
impl<V: Serialize> Serialize for StrMap<V> {
    /// A JSON object, keys in order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de, V: Deserialize<'de>> Deserialize<'de> for StrMap<V> {
    /// From a JSON object (a repeated key keeps its last value, as a `BTreeMap` does).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StrMap<V>, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = StrMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<StrMap<V>, A::Error> {
                let mut map = StrMap::new();
                while let Some((key, value)) = access.next_entry::<String, V>()? {
                    map.insert(key, value);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A set of strings, iterated in order (like `BTreeSet<String>`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct StrSet {
    /// Sorted, without repeats.
    items: Vec<String>,
}

impl StrSet {
    /// An empty set.
    pub const fn new() -> StrSet {
        StrSet { items: Vec::new() }
    }

    /// Adds `item`; false when it was already there (then the set is unchanged).
    pub fn insert(&mut self, item: impl Into<String> + AsRef<str>) -> bool {
        match search(&self.items, item.as_ref()) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, item.into());
                true
            }
        }
    }

    /// Whether `item` is in the set.
    pub fn contains(&self, item: &str) -> bool {
        search(&self.items, item).is_ok()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.items.iter()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the set is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl fmt::Debug for StrSet {
    /// Like a `BTreeSet`: `{"a", "b"}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a StrSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> std::slice::Iter<'a, String> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    proptest! {
        #[test]
        fn map_agrees_with_the_b_tree(ops in proptest::collection::vec((0u8..3, "[a-e]{0,2}", any::<u8>()), 0..80)) {
            let mut ours = StrMap::new();
            let mut theirs = BTreeMap::new();
            for (op, key, value) in ops {
                match op {
                    0 | 1 => prop_assert_eq!(ours.insert(key.clone(), value), theirs.insert(key, value)),
                    _ => prop_assert_eq!(ours.remove(&key), theirs.remove(&key)),
                }
                prop_assert_eq!(ours.len(), theirs.len());
            }
            let ours_entries: Vec<(&String, &u8)> = ours.iter().collect();
            let theirs_entries: Vec<(&String, &u8)> = theirs.iter().collect();
            prop_assert_eq!(ours_entries, theirs_entries);
            prop_assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
            for key in theirs.keys() {
                prop_assert_eq!(ours.get(key), theirs.get(key));
                prop_assert!(ours.contains_key(key));
            }
        }

        #[test]
        fn set_agrees_with_the_b_tree(items in proptest::collection::vec("[a-e]{0,2}", 0..40)) {
            let mut ours = StrSet::new();
            let mut theirs = BTreeSet::new();
            for item in items {
                prop_assert_eq!(ours.insert(item.as_str()), theirs.insert(item.clone()));
                prop_assert!(ours.contains(&item));
            }
            prop_assert!(ours.iter().eq(theirs.iter()));
            prop_assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_is_a_plain_object_in_key_order() {
        let map: StrMap<u32> = serde_json::from_str(r#"{"b": 2, "a": 1, "b": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&map).unwrap(), r#"{"a":1,"b":3}"#);
    }

    #[test]
    fn collecting_keeps_key_order() {
        let collected: StrMap<u32> = [("b".to_string(), 2), ("a".to_string(), 1)]
            .into_iter()
            .collect();
        assert_eq!(collected["a"], 1);
        assert_eq!(
            collected.into_iter().collect::<Vec<_>>(),
            [("a".into(), 1), ("b".into(), 2)]
        );
    }
}
