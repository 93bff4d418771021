import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

#if canImport(Glibc)
    import Glibc
#endif

/// A folder of result tables (`--out DIR`) replaced all at once. The new set is written into a
/// staging folder beside DIR and swapped into place only when complete, so DIR always holds a
/// complete set, old or new, even if the process is killed; runs writing into one parent folder
/// take turns (a lock on the parent), so two runs never mix their tables. A staging folder left
/// by a killed run is removed by the next run that writes beside it.
package enum ResultFolder {
    /// Why a folder may not receive results.
    package struct Refusal: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// Staging folders are `.DIR.potline-PID-RANDOM` beside DIR.
    static let stagingMarker = ".potline-"

    /// The folder `path` names, if results may go there: not empty, not a file, not a network
    /// folder (one with network.yaml) nor inside one, whose tables results would overwrite.
    package static func check(_ path: String) throws(Refusal) -> URL {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Refusal(description: "--out needs a folder name (an empty one would write into the current folder)")
        }
        let folder = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Refusal(description: "--out \(path) is a file, not a folder")
        }
        var ancestor = folder
        while true {
            if FileManager.default.fileExists(atPath: ancestor.appendingPathComponent("network.yaml").path) {
                throw Refusal(
                    description: ancestor == folder
                        ? "--out \(path) is a network folder: results would overwrite its tables; choose another folder"
                        : "--out \(path) lies inside the network folder \(ancestor.path); choose a folder outside it")
            }
            let parent = ancestor.deletingLastPathComponent()
            if parent.path == ancestor.path { break }
            ancestor = parent
        }
        return folder
    }

    /// Runs `write` on an empty staging folder, then puts its tables in place of `folder`'s.
    /// Files in `folder` that Potline does not write (notes) are carried over.
    package static func publish(to folder: URL, _ write: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: parent.path]) }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        removeStaleStaging(for: folder)

        let staging = parent.appendingPathComponent(
            ".\(folder.lastPathComponent)\(stagingMarker)\(getpid())-\(UUID().uuidString.prefix(8))")
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        var published = false
        defer { if !published { try? manager.removeItem(at: staging) } }
        let exists = manager.fileExists(atPath: folder.path)
        if exists {
            for name in try manager.contentsOfDirectory(atPath: folder.path) where !ResultTables.fileNames.contains(name) {
                try manager.copyItem(at: folder.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
        }
        try write(staging)
        if exists {
            // One atomic step: DIR is the new set, the staging name holds the old one.
            try exchange(staging, folder)
            published = true
            try? manager.removeItem(at: staging)
        } else {
            guard rename(staging.path, folder.path) == 0 else { throw posixError(folder) }
            published = true
        }
    }

    /// Staging folders for `folder` whose writer is no longer running.
    static func removeStaleStaging(for folder: URL) {
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent)\(stagingMarker)"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE, looked up at run time).
    private static func exchange(_ a: URL, _ b: URL) throws {
        let renameAt2 = dlsym(dlopen(nil, RTLD_NOW), "renameat2")  // the C library already loaded
        guard let renameAt2 else { throw CocoaError(.featureUnsupported, userInfo: [NSFilePathErrorKey: b.path]) }
        let function = unsafeBitCast(renameAt2, to: RenameAt2.self)
        let atWorkingDirectory: Int32 = -100  // AT_FDCWD
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE
        guard function(atWorkingDirectory, a.path, atWorkingDirectory, b.path, renameExchange) == 0 else { throw posixError(b) }
    }

    private static func posixError(_ url: URL) -> Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
