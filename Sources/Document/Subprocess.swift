#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program and collects what it writes (posix_spawn and two pipes, read together so
/// neither can fill up and block the program), so the modules need no Foundation `Process`.
package enum Subprocess {
    /// How a program ended and what it wrote.
    package struct Outcome: Sendable {
        /// The exit status; 128 + the signal number when a signal ended it.
        package var status: Int32
        package var standardOutput: [UInt8]
        package var standardError: [UInt8]
    }

    /// The program could not be started.
    package struct StartError: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// Runs `arguments[0]` (looked up on PATH) with the other arguments, standard input from
    /// `/dev/null`, and waits for it to end.
    package static func run(_ arguments: [String]) throws(StartError) -> Outcome {
        guard let program = arguments.first else { throw StartError(description: "no program to run") }
        var output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw StartError(description: String(cString: strerror(errno))) }
        guard pipe(&errors) == 0 else {
            let message = String(cString: strerror(errno))
            close(output[0]); close(output[1])
            throw StartError(description: message)
        }
        // Not inherited by programs other threads start meanwhile (dup2 clears the flag on the
        // child's 1 and 2).
        for fd in output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = argv.withUnsafeMutableBufferPointer { argv in
            posix_spawnp(&pid, program, &actions, nil, argv.baseAddress!, environ)
        }
        close(output[1])
        close(errors[1])
        guard spawned == 0 else {
            close(output[0]); close(errors[0])
            throw StartError(description: String(cString: strerror(spawned)))
        }
        var collected: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: output[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errors[0], events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while fds.contains(where: { $0.fd >= 0 }) {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[i].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    close(fds[i].fd)
                    fds[i].fd = -1
                }
            }
        }
        for fd in fds where fd.fd >= 0 { close(fd.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return Outcome(status: code, standardOutput: collected[0], standardError: collected[1])
    }
}
