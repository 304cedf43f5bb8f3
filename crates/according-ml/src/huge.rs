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
        let size = len
            .checked_mul(std::mem::size_of::<T>())
            .expect("table size overflows");
        let (ptr, memory) = if size == 0 {
            (NonNull::dangling(), Memory::None)
        } else {
            Self::allocate(size)
        };
        for i in 0..len {
            // SAFETY: `i < len` values fit in the allocation.
            unsafe { ptr.as_ptr().add(i).write(value) };
        }
        HugeSlice { ptr, len, memory }
    }

    /// Room for `size > 0` bytes of `T`s, untouched.
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
}
