import DistlangCore

/// A deterministic zip archive (PKWARE APPNOTE 6.3): the same bytes on every run and machine for the
/// same entries, whatever order they come in.
///
/// - Entries sorted by path (UTF-8 bytes); only files (folders are implied by the paths, as unzip,
///   Python's `zipfile` and Lambda read them).
/// - Every entry dated 1980-01-01 00:00 (the earliest DOS date), made by Unix (3) with mode
///   `0100644` (a regular file, rw-r--r--) in its external attributes; general purpose bit 11 (names in
///   UTF-8); no extra fields, no comments, no data descriptors.
/// - Data deflated by zlib (raw deflate, level `compressionLevel`), or stored when deflating does not
///   make it smaller; CRC-32 by zlib. The same zlib gives the same bytes; a different deflate
///   implementation (zlib-ng, another zlib release) may compress differently.
/// - No Zip64: an entry or an archive of 4 GiB or more, or more than 65,535 entries, is an error.
public enum ZipArchive {
    public static let compressionLevel: Int32 = 6

    /// Why an archive cannot be made.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The archive of `entries` (paths relative, `/`-separated, without `.` or `..`, each once).
    public static func make(_ entries: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        try check(sorted)
        let members = Parallel.map(sorted.count) { k in Member(path: sorted[k].path, bytes: sorted[k].bytes) }
        var out = LittleEndianBytes()
        var offsets: [UInt32] = []
        for member in members {
            offsets.append(UInt32(out.bytes.count))
            member.writeLocalHeader(to: &out)
            out.bytes += member.data
            guard out.bytes.count <= maxSize else { throw Failure(description: "the archive is 4 GiB or more; Zip64 is not supported") }
        }
        let directoryStart = out.bytes.count
        for (member, offset) in zip(members, offsets) { member.writeCentralHeader(offset: offset, to: &out) }
        let directorySize = out.bytes.count - directoryStart
        guard out.bytes.count <= maxSize else { throw Failure(description: "the archive is 4 GiB or more; Zip64 is not supported") }
        out.u32(0x0605_4b50)  // end of central directory
        out.u16(0)  // this disk
        out.u16(0)  // the disk where the central directory starts
        out.u16(UInt16(members.count))
        out.u16(UInt16(members.count))
        out.u32(UInt32(directorySize))
        out.u32(UInt32(directoryStart))
        out.u16(0)  // comment length
        return out.bytes
    }

    private static let maxSize = Int(UInt32.max) - 1

    private static func check(_ sorted: [(path: String, bytes: [UInt8])]) throws {
        guard sorted.count <= Int(UInt16.max) else {
            throw Failure(description: "\(sorted.count) entries is more than a zip without Zip64 holds (65,535)")
        }
        var previous: String?
        for entry in sorted {
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"),
                  parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                throw Failure(description: "\"\(path)\" is not a relative file path without . or .. (zip entries must be)")
            }
            guard path.utf8.count <= Int(UInt16.max) else { throw Failure(description: "the path \"\(path.prefix(80))…\" is too long for a zip") }
            guard entry.bytes.count <= maxSize else {
                throw Failure(description: "\(path) is 4 GiB or more; Zip64 is not supported")
            }
            if path == previous { throw Failure(description: "\(path) is given twice") }
            previous = path
        }
    }
}

/// One entry, compressed, with what its headers hold.
private struct Member: Sendable {
    let name: [UInt8]
    let data: [UInt8]
    let crc: UInt32
    let size: UInt32
    let deflated: Bool

    static let dosTime: UInt16 = 0  // 00:00:00
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1  // 1980-01-01
    static let utf8Names: UInt16 = 1 << 11
    static let unixRegularFile0644: UInt32 = 0o100644 << 16

    init(path: String, bytes: [UInt8]) {
        name = Array(path.utf8)
        crc = Zlib.crc32(bytes)
        size = UInt32(bytes.count)
        if let compressed = Zlib.deflate(bytes, level: ZipArchive.compressionLevel), compressed.count < bytes.count {
            data = compressed
            deflated = true
        } else {
            data = bytes
            deflated = false
        }
    }

    /// 2.0 for deflate, 1.0 for stored.
    var versionNeeded: UInt16 { deflated ? 20 : 10 }

    /// The fields local and central headers share, from "version needed" to "extra field length".
    private func writeCommon(to out: inout LittleEndianBytes) {
        out.u16(versionNeeded)
        out.u16(Self.utf8Names)
        out.u16(deflated ? 8 : 0)
        out.u16(Self.dosTime)
        out.u16(Self.dosDate)
        out.u32(crc)
        out.u32(UInt32(data.count))
        out.u32(size)
        out.u16(UInt16(name.count))
        out.u16(0)  // extra field length
    }

    func writeLocalHeader(to out: inout LittleEndianBytes) {
        out.u32(0x0403_4b50)
        writeCommon(to: &out)
        out.bytes += name
    }

    func writeCentralHeader(offset: UInt32, to out: inout LittleEndianBytes) {
        out.u32(0x0201_4b50)
        out.u16((3 << 8) | 20)  // made by Unix, APPNOTE 2.0
        writeCommon(to: &out)
        out.u16(0)  // comment length
        out.u16(0)  // disk number start
        out.u16(0)  // internal attributes
        out.u32(Self.unixRegularFile0644)
        out.u32(offset)
        out.bytes += name
    }
}

/// Bytes with little-endian integers appended.
private struct LittleEndianBytes {
    var bytes: [UInt8] = []

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(v & 0xFF))
        bytes.append(UInt8(v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}
