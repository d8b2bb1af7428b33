import Dispatch
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Reporting

/// A one-line progress bar for batch runs on a terminal:
/// `[#########...........]  812/2000 files  41%  23.5 MB/s  ETA 2s`.
public enum ProgressBar {
    /// The line for a snapshot, at most `width` columns (no newline, no escape codes).
    public static func render(_ s: BatchProgress.Snapshot, width: Int = 80) -> String {
        let fraction = s.total > 0 ? min(1, Double(s.done) / Double(s.total)) : 0
        let rate = s.elapsed > 0 ? Double(s.bytes) / 1_000_000 / s.elapsed : 0
        var tail = "  \(s.done)/\(s.total) files  \(Int(fraction * 100))%  " + fixedPoint(rate, digits: 1) + " MB/s"
        if s.done > 0, s.done < s.total {
            let remaining = s.elapsed / Double(s.done) * Double(s.total - s.done)
            tail += "  ETA " + duration(remaining)
        }
        let barWidth = max(10, min(40, width - tail.count - 3))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]" + tail
        return String(line.prefix(max(1, width - 1)))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(twoDigits(s % 60))s" }
        return "\(s / 3600)h\(twoDigits(s % 3600 / 60))m"
    }
}

/// Draws a ``ProgressBar`` on standard error while a batch runs: nothing during the first
/// `delay` seconds (short runs stay quiet; with no delay the first frame is drawn at once),
/// then a redraw every tenth of a second. Output to the same terminal goes through
/// ``printing(_:)`` so that the bar is cleared first and never mixes with results.
public final class ProgressTicker: @unchecked Sendable {
    private let progress: BatchProgress
    private let lock = Lock()
    private let write: @Sendable (String) -> Void
    private let width: @Sendable () -> Int
    private var drawn = false
    private var stopped = false
    private let timer: DispatchSourceTimer

    /// `write` sends text to standard error; `width` gives the terminal's columns.
    public init(progress: BatchProgress, delay: Double = 1.0, interval: Double = 0.1,
                width: @escaping @Sendable () -> Int, write: @escaping @Sendable (String) -> Void) {
        self.progress = progress
        self.write = write
        self.width = width
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "crrspec.progress"))
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler { [weak self] in self?.tick() }
        // With no delay the first frame is drawn now, not when the timer's queue first runs:
        // a run shorter than one scheduling round still shows its bar.
        if delay <= 0 { tick() }
        timer.resume()
    }

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        let snapshot = progress.snapshot
        guard !snapshot.finished else { return }
        write("\r\u{1B}[K" + ProgressBar.render(snapshot, width: width()))
        drawn = true
    }

    /// Runs `body` (which prints to the terminal) with the bar cleared.
    public func printing(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if drawn {
            write("\r\u{1B}[K")
            drawn = false
        }
        body()
    }

    /// Stops drawing and clears the bar.
    public func stop() {
        lock.lock()
        stopped = true
        if drawn {
            write("\r\u{1B}[K")
            drawn = false
        }
        lock.unlock()
        timer.cancel()
    }
}
