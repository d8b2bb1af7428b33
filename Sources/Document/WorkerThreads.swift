#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on threads with large stacks.
///
/// Parsing is iterative, but compiling and validating recurse once per level of schema and
/// instance nesting (and JSON equality once per level of the values compared). Dispatch's
/// worker threads have 8 MiB stacks (512 KiB on some systems), too small for the deepest
/// nesting a user may allow with `--max-depth` and `--max-eval-depth`; a deep file checked in
/// a batch must get the same clear limit error as on the command thread, never a crash. Only
/// the stack pages a thread actually touches are ever backed by memory.
///
/// ```swift
/// WorkerThreads.perform(iterations: files.count, threads: 4) { index in
///     check(files[index])
/// }
/// ```
public enum WorkerThreads {
    /// Stack of each thread: 1 GiB of address space, room for the deepest nesting the
    /// command-line limits allow even in a debug build.
    public static let stackSize = 1 << 30

    /// Calls `body` once for each index in `0..<iterations`, on up to `threads` new threads
    /// with `stackSize`-byte stacks, and returns when every call has returned. Indices are
    /// handed out in increasing order. When no thread can be created, the calls run on the
    /// calling thread.
    public static func perform(iterations: Int, threads: Int, stackSize: Int = stackSize, _ body: (Int) -> Void) {
        guard iterations > 0 else { return }
        withoutActuallyEscaping(body) { body in
            let work = Work(iterations: iterations, body: body)
            var started: [pthread_t] = []
            for _ in 0..<max(1, min(threads, iterations)) {
                guard let thread = start(stackSize: stackSize, { work.drain() }) else { break }
                started.append(thread)
            }
            if started.isEmpty { work.drain() }
            for thread in started { pthread_join(thread, nil) }
        }
    }

    /// Runs `body` on one new thread with a `stackSize`-byte stack and waits for it (on the
    /// calling thread when no thread can be created).
    public static func run(stackSize: Int = stackSize, _ body: () -> Void) {
        perform(iterations: 1, threads: 1, stackSize: stackSize) { _ in body() }
    }

    /// Hands out indices to the threads.
    private final class Work: @unchecked Sendable {
        let iterations: Int
        let body: (Int) -> Void
        private var next = 0
        private let lock = Lock()

        init(iterations: Int, body: @escaping (Int) -> Void) {
            self.iterations = iterations
            self.body = body
        }

        func drain() {
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < iterations else { return }
                body(index)
            }
        }
    }

    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private static func start(stackSize: Int, _ body: @escaping () -> Void) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return nil }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { raw in
            Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, box)
        guard created == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return nil
        }
        return thread
    }
}
