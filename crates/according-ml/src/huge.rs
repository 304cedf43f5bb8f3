//! Fixed-size buffers for the decoding tables: large ones aligned to 2 MB and (Linux) marked
//! for transparent huge pages before first touch. Lookups land on random rows of tables of
//! several MB; with 4 KB pages those span more pages than the TLB holds, so most lookups
//! would also walk the page table.

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::ptr::NonNull;

/// Buffers at least this large (in bytes) are laid out for huge pages.
const HUGE_PAGE_MIN: usize = 256 << 10;
/// A transparent huge page (x86_64 Linux).
const HUGE_PAGE: usize = 2 << 20;

/// A boxed slice of plain-data `T` (no drop glue), possibly on huge pages.
pub struct HugeSlice<T: Copy> {
    ptr: NonNull<T>,
    len: usize,
    memory: Memory,
}

/// Where the values live.
enum Memory {
    /// No allocation (no bytes to store).
    None,
    /// The global allocator, with this layout.
    Heap(Layout),
    /// A fresh anonymous mapping (start, length) of which the values take a 2 MB-aligned
    /// part: memory from the allocator may already be faulted in as small pages, which the
    /// huge-page advice does not convert.
    #[cfg(target_os = "linux")]
    Mapped(*mut libc::c_void, usize),
}

// SAFETY: `HugeSlice` owns its allocation of plain data, like a `Box<[T]>`.
unsafe impl<T: Copy + Send> Send for HugeSlice<T> {}
// SAFETY: as above; shared access only reads.
unsafe impl<T: Copy + Sync> Sync for HugeSlice<T> {}

impl<T: Copy> HugeSlice<T> {
    /// `len` copies of `value`.
    pub fn filled(len: usize, value: T) -> HugeSlice<T> {
        let (ptr, memory, _) = Self::allocate_len(len);
        for i in 0..len {
            // SAFETY: `i < len` values fit in the allocation.
            unsafe { ptr.as_ptr().add(i).write(value) };
        }
        HugeSlice { ptr, len, memory }
    }

    /// `len` zeros, left untouched where the memory comes from the kernel (already zero), so
    /// a large buffer that is filled gradually costs memory only as it is used.
    pub fn zeroed(len: usize) -> HugeSlice<T>
    where
        T: Zeroable,
    {
        let (ptr, memory, size) = Self::allocate_len(len);
        if let Memory::Heap(_) = memory {
            // SAFETY: `size` bytes were allocated; all-zero bytes are a valid `T` (`Zeroable`).
            unsafe { ptr.as_ptr().cast::<u8>().write_bytes(0, size) };
        }
        HugeSlice { ptr, len, memory }
    }

    /// Room for `size > 0` bytes of `T`s, untouched.
    /// Room for `len` values (nothing for none), and its size in bytes.
    fn allocate_len(len: usize) -> (NonNull<T>, Memory, usize) {
        let size = len
            .checked_mul(std::mem::size_of::<T>())
            .expect("table size overflows");
        if size == 0 {
            (NonNull::dangling(), Memory::None, 0)
        } else {
            let (ptr, memory) = Self::allocate(size);
            (ptr, memory, size)
        }
    }

    fn allocate(size: usize) -> (NonNull<T>, Memory) {
        #[cfg(target_os = "linux")]
        if size >= HUGE_PAGE_MIN && std::mem::align_of::<T>() <= HUGE_PAGE {
            let length = size.next_multiple_of(HUGE_PAGE) + HUGE_PAGE;
            // SAFETY: a private anonymous mapping of a non-zero length; no existing memory
            // is affected.
            let raw = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    length,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if raw != libc::MAP_FAILED {
                let start = (raw as usize).next_multiple_of(HUGE_PAGE);
                // SAFETY: `start..start + size rounded up` lies inside the mapping; the
                // advice is a hint (failure leaves ordinary pages).
                unsafe {
                    libc::madvise(
                        start as *mut libc::c_void,
                        size.next_multiple_of(HUGE_PAGE),
                        libc::MADV_HUGEPAGE,
                    )
                };
                let ptr = NonNull::new(start as *mut T).expect("mapping at a non-null address");
                return (ptr, Memory::Mapped(raw, length));
            }
        }
        let layout =
            Layout::from_size_align(size, std::mem::align_of::<T>()).expect("table size overflows");
        // SAFETY: `layout` has a non-zero size.
        let raw = unsafe { alloc(layout) };
        let Some(ptr) = NonNull::new(raw.cast::<T>()) else {
            handle_alloc_error(layout)
        };
        (ptr, Memory::Heap(layout))
    }

    /// A copy of `values`.
    pub fn from_slice(values: &[T]) -> HugeSlice<T>
    where
        T: Default,
    {
        let mut s = HugeSlice::filled(values.len(), T::default());
        s.copy_from_slice(values);
        s
    }
}

/// Plain data for which all-zero bytes are a valid value ([`HugeSlice::zeroed`]).
///
/// # Safety
/// Implement only for types whose all-zero bit pattern is a valid value.
pub unsafe trait Zeroable: Copy {}

// SAFETY: zero is a valid value of every primitive integer.
unsafe impl Zeroable for u8 {}
// SAFETY: as above.
unsafe impl Zeroable for i16 {}
// SAFETY: as above.
unsafe impl Zeroable for u16 {}
// SAFETY: as above.
unsafe impl Zeroable for i32 {}
// SAFETY: as above.
unsafe impl Zeroable for u32 {}
// SAFETY: as above.
unsafe impl Zeroable for u64 {}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for HugeSlice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Copy> Drop for HugeSlice<T> {
    fn drop(&mut self) {
        match self.memory {
            Memory::None => {}
            // SAFETY: allocated in `HugeSlice::allocate` with this layout.
            Memory::Heap(layout) => unsafe { dealloc(self.ptr.as_ptr().cast(), layout) },
            #[cfg(target_os = "linux")]
            // SAFETY: the mapping made in `HugeSlice::allocate`, unmapped once.
            Memory::Mapped(raw, length) => unsafe {
                libc::munmap(raw, length);
            },
        }
    }
}

impl<T: Copy + Default> Clone for HugeSlice<T> {
    fn clone(&self) -> HugeSlice<T> {
        HugeSlice::from_slice(self)
    }
}

impl<T: Copy> std::ops::Deref for HugeSlice<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: `len` initialised values (or a dangling pointer with no bytes to read).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> std::ops::DerefMut for HugeSlice<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `deref`, and `&mut self` is the only access.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

/// A vector of plain data that grows up to a fixed capacity without moving, so that it can
/// sit on huge pages (a per-thread cache read at random offsets, say). The memory is
/// allocated on first growth and costs only what is used; new values are zeros.
pub struct HugeVec<T: Zeroable> {
    memory: Option<HugeSlice<T>>,
    capacity: usize,
    len: usize,
}

impl<T: Zeroable> HugeVec<T> {
    /// An empty vector for at most `capacity` values (nothing allocated yet).
    pub fn with_capacity(capacity: usize) -> HugeVec<T> {
        HugeVec {
            memory: None,
            capacity,
            len: 0,
        }
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Grow (with zeros) or shrink to `len` values; `false`, unchanged, past the capacity.
    pub fn resize_zeroed(&mut self, len: usize) -> bool {
        if len > self.capacity {
            return false;
        }
        if len > self.len {
            let capacity = self.capacity;
            let memory = self
                .memory
                .get_or_insert_with(|| HugeSlice::zeroed(capacity));
            let fresh = &mut memory[self.len..len];
            // SAFETY: all-zero bytes are a valid `T` (`Zeroable`); `fresh` is initialised
            // memory of exactly `fresh.len()` values.
            unsafe { fresh.as_mut_ptr().write_bytes(0, fresh.len()) };
        }
        self.len = len;
        true
    }
}

impl<T: Zeroable> std::ops::Deref for HugeVec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match &self.memory {
            Some(m) => &m[..self.len],
            None => &[],
        }
    }
}

impl<T: Zeroable> std::ops::DerefMut for HugeVec<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.memory {
            Some(m) => &mut m[..self.len],
            None => &mut [],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_its_values_small_and_large() {
        for len in [0usize, 1, 100, 300_000] {
            let mut s = HugeSlice::filled(len, 7u64);
            assert_eq!(s.len(), len);
            assert!(s.iter().all(|&x| x == 7));
            if len > 0 {
                s[len - 1] = 9;
                let c = s.clone();
                assert_eq!(c[len - 1], 9);
                assert_eq!(&c[..], &s[..]);
            }
        }
    }

    #[test]
    fn huge_vec_grows_to_its_capacity_with_zeros() {
        let mut v = HugeVec::<u32>::with_capacity(300_000);
        assert!(v.is_empty());
        assert!(v.resize_zeroed(4));
        v.copy_from_slice(&[1, 2, 3, 4]);
        assert!(v.resize_zeroed(300_000));
        assert!(!v.resize_zeroed(300_001));
        assert_eq!(v.len(), 300_000);
        assert_eq!(&v[..5], &[1, 2, 3, 4, 0]);
        v.clear();
        assert!(v.resize_zeroed(3));
        assert_eq!(&v[..], &[0, 0, 0]);
    }

    #[test]
    fn zeroed_small_and_large() {
        for len in [0usize, 1, 100, 300_000] {
            let mut s = HugeSlice::<i32>::zeroed(len);
            assert_eq!(s.len(), len);
            assert!(s.iter().all(|&x| x == 0));
            if len > 0 {
                s[len / 2] = -3;
                assert_eq!(s.iter().sum::<i32>(), -3);
            }
        }
    }
}
