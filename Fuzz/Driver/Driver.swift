import DistlangFuzz
import Foundation

// One executable, two builds (see docs/fuzzing.md):
// - `make fuzz` compiles it with `-DDISTLANG_FUZZING -sanitize=fuzzer,address`: a libFuzzer binary
//   whose target is chosen by the environment variable DISTLANG_FUZZ_TARGET.
// - the ordinary build makes the replay driver `distlang-fuzz TARGET PATH...`, which runs a target
//   on files (or every file in folders) exactly as the fuzzer does; the regression-corpus test uses it.

#if DISTLANG_FUZZING

nonisolated(unsafe) private var selected: FuzzTarget = .yaml

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>>>) -> CInt {
    let name = ProcessInfo.processInfo.environment["DISTLANG_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set DISTLANG_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    selected = target
    // Compile the embedded schemas once, before the first input is timed.
    target.runHere([])
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected.run(bytes)
    return 0
}

#else

@main
enum ReplayDriver {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[0]) else {
            FileHandle.standardError.write(Data("usage: distlang-fuzz \(names) FILE-OR-FOLDER...\n".utf8))
            exit(2)
        }
        var files: [String] = []
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("distlang-fuzz: \(path) does not exist\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("distlang-fuzz: cannot read \(file)\n".utf8))
                exit(2)
            }
            FileHandle.standardError.write(Data("\(target.rawValue): \(file)\n".utf8))
            target.run([UInt8](data))
        }
        print("\(target.rawValue): \(files.count) input\(files.count == 1 ? "" : "s") ran, every property held")
    }
}

#endif
