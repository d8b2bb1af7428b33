import Batch
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pages
import Reporting

/// Prints validation results as they arrive, in the chosen format: text and GitHub annotations
/// stream file by file; JSON, SARIF, JUnit and HTML are one document at the end. Keeps the counts for the
/// summary line and the exit status, and draws the progress bar on a terminal.
final class ReportPrinter: @unchecked Sendable {
    let format: ReportFormat
    let quiet: Bool
    let command: String
    let outStyle: TextStyle
    let errStyle: TextStyle
    /// Counters for the progress bar; nil when no bar is drawn.
    let progress: BatchProgress?
    private let ticker: ProgressTicker?
    private var collected: [InstanceReport] = []
    private var summary = RunSummary()
    /// `--schema auto` choices.
    private var chosen = SchemaChoices()

    init(format: ReportFormat, quiet: Bool, command: String, color: ColorMode, progressTotal: Int) {
        self.format = format
        self.quiet = quiet
        self.command = command
        outStyle = format == .text ? Terminal.style(color, fd: 1) : .plain
        errStyle = Terminal.style(color, fd: 2)
        let environment = ProcessInfo.processInfo.environment
        if !quiet && progressTotal > 1 && Terminal.isTerminal(2) && environment["CRRSPEC_NO_PROGRESS"] == nil {
            let progress = BatchProgress()
            let delay = environment["CRRSPEC_PROGRESS_DELAY"].flatMap(Double.init) ?? 1.0
            self.progress = progress
            ticker = ProgressTicker(progress: progress, delay: delay, width: { Terminal.width(2) }, write: { Output.err($0) })
        } else {
            progress = nil
            ticker = nil
        }
    }

    /// One file's reports (called in file order, never concurrently).
    func emit(_ reports: [InstanceReport], bytes: Int, label: String?, path: String? = nil) {
        summary.add(file: reports, bytes: bytes)
        if let label { chosen.record(label, file: path ?? reports.first?.file ?? "") }
        switch format {
        case .text:
            let text = ValidationReportRenderer.text(reports, verbose: !quiet, style: outStyle)
            if !text.isEmpty { write(text) }
        case .github:
            let text = ValidationReportRenderer.github(reports, command: command)
            if !text.isEmpty { write(text) }
        case .json, .sarif, .junit, .html:
            collected += reports
        }
    }

    private func write(_ text: String) {
        if let ticker { ticker.printing { Output.out(text) } } else { Output.out(text) }
    }

    /// Prints what remains (the JSON or SARIF document, the schema choices, the summary line)
    /// and returns the exit status.
    func finish(seconds: Double) -> Int32 {
        ticker?.stop()
        summary.seconds = seconds
        switch format {
        case .json: Output.out(ValidationReportRenderer.json(collected))
        case .sarif: Output.out(ValidationReportRenderer.sarif(collected, command: command, toolVersion: CRRSpecVersion.current, explanations: .crrspec))
        case .junit: Output.out(ValidationReportRenderer.junit(collected, command: command))
        case .html:
            // The files' text for the frames, read again through the loader (never standard input).
            Output.out(ReportPages.validation(collected) { file in
                file == "-" || file == "<stdin>" ? nil : try? DocumentLoader.readRaw(path: file)
            })
        case .text, .github: break
        }
        if !quiet {
            for line in chosen.lines(style: errStyle) { Output.err(line + "\n") }
            if format == .text || format == .github { Output.err(summary.line(style: errStyle) + "\n") }
        }
        return summary.exitCode
    }
}
