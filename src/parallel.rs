//! Ordered parallel streaming: work items are taken from an iterator by
//! every thread of rayon's pool, and their results are handed back on the
//! calling thread in input order, as soon as each is next in line.
//!
//! Memory is bounded: no worker takes an item more than `window` places
//! ahead of the last result handed back, so at most `window` results wait
//! in the reorder buffer, however long the input is. Output is the same
//! whatever the number of threads.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

struct State<I> {
    items: I,
    /// The index the next item taken will get.
    next: usize,
    /// How many results have been handed back.
    done: usize,
    /// Set when the consumer stops early (a closed pipe): workers quit.
    stop: bool,
    /// Set when the iterator is exhausted.
    exhausted: bool,
}

/// Maps `work` over `items` on rayon's pool and calls `sink` with each
/// result in input order. `sink` runs on the calling thread; if it returns
/// an error, the workers stop taking items and the error is returned.
///
/// `window` (at least 1) is how many results may be in flight at once.
pub fn ordered_map<I, T, R, E, W, S>(items: I, window: usize, work: W, mut sink: S) -> Result<(), E>
where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> Result<(), E>,
{
    let window = window.max(1);
    let state = Mutex::new(State {
        items,
        next: 0,
        done: 0,
        stop: false,
        exhausted: false,
    });
    let turn = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, R)>();
    let workers = rayon::current_num_threads().max(1);

    // The calling thread stays outside the pool: it only reorders and
    // writes, so a one-thread pool still makes progress.
    rayon::in_place_scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let (state, turn, work) = (&state, &turn, &work);
            scope.spawn(move |_| {
                loop {
                    let (index, item) = {
                        let mut guard = lock(state);
                        while !guard.stop && !guard.exhausted && guard.next >= guard.done + window {
                            guard = turn.wait(guard).unwrap_or_else(|e| e.into_inner());
                        }
                        if guard.stop || guard.exhausted {
                            return;
                        }
                        match guard.items.next() {
                            Some(item) => {
                                guard.next += 1;
                                (guard.next - 1, item)
                            }
                            None => {
                                guard.exhausted = true;
                                turn.notify_all();
                                return;
                            }
                        }
                    };
                    if send.send((index, work(item))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);

        let mut pending = BTreeMap::new();
        let mut expected = 0;
        let mut outcome = Ok(());
        for (index, result) in receive.iter() {
            pending.insert(index, result);
            while let Some(result) = pending.remove(&expected) {
                expected += 1;
                if let Err(error) = sink(result) {
                    outcome = Err(error);
                    break;
                }
                let mut guard = lock(&state);
                guard.done = expected;
                turn.notify_all();
            }
            if outcome.is_err() {
                lock(&state).stop = true;
                turn.notify_all();
                break;
            }
        }
        // Dropping the receiver makes any worker still sending give up.
        drop(receive);
        outcome
    })
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let mut seen = Vec::new();
        let result: Result<(), ()> = ordered_map(
            0..500u64,
            4,
            |n| {
                // Uneven work, so that later items often finish first.
                let spin = (n * 7919) % 2000;
                (0..spin).fold(n, |a, b| a.wrapping_add(b)) - (0..spin).sum::<u64>()
            },
            |n| {
                seen.push(n);
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(seen, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_than_the_window_is_in_flight() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let taken = AtomicUsize::new(0);
        let mut worst = 0;
        let mut handed = 0;
        let result: Result<(), ()> = ordered_map(
            (0..300).inspect(|_| {
                taken.fetch_add(1, Ordering::SeqCst);
            }),
            3,
            |n| n,
            |_| {
                handed += 1;
                worst = worst.max(taken.load(Ordering::SeqCst) - handed);
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(handed, 300);
        assert!(worst < 3, "{worst} items were taken ahead of the output");
    }

    #[test]
    fn an_error_in_the_sink_stops_the_workers() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let worked = AtomicUsize::new(0);
        let result = ordered_map(
            0..100_000,
            8,
            |n| {
                worked.fetch_add(1, Ordering::SeqCst);
                n
            },
            |n| if n == 10 { Err("closed") } else { Ok(()) },
        );
        assert_eq!(result, Err("closed"));
        assert!(worked.load(Ordering::SeqCst) < 100);
    }
}
