import Foundation

/// What a walk over the history reads from a commit's text, on its bytes (a walk reads tens of
/// thousands of commits; making a `String` of each message and splitting it was a tenth of it).
/// Each answer is the one its `String` counterpart gives (`CommitInfo.trailer`,
/// `git_commit_header_field`).
enum CommitText {
    /// Whether the commit header `header` (`git_commit_raw_header`) has a field `field`: a line
    /// starting with the field's name and a space, as `git_commit_header_field` finds it.
    static func hasHeaderField(_ field: String, in header: UnsafePointer<CChar>?) -> Bool {
        guard let header else { return false }
        let bytes = UnsafeRawBufferPointer(start: header, count: strlen(header))
        guard let base = bytes.baseAddress else { return false }
        let wanted = Array((field + " ").utf8)
        var start = 0
        while start < bytes.count, let hit = memchr(base + start, 0x0A, bytes.count - start) {
            let end = base.distance(to: UnsafeRawPointer(hit))
            if end - start >= wanted.count, memcmp(base + start, wanted, wanted.count) == 0 { return true }
            start = end + 1
        }
        return false
    }

    /// The value of the last `Key: value` line of `message`, as `CommitInfo.trailer` reads it
    /// from the message as a `String`: lines are split at "\n" but not inside "\r\n" (one
    /// `Character`); a value that starts with a non-ASCII byte (which may join the space before
    /// it into one `Character`) is left to the `String` reading.
    static func trailer(_ key: String, in message: UnsafePointer<CChar>?) -> String? {
        guard let message else { return nil }
        let bytes = UnsafeRawBufferPointer(start: message, count: strlen(message))
        let wanted = Array((key + ": ").utf8)
        var end = bytes.count
        while true {
            var start = end
            while start > 0, !(bytes[start - 1] == 0x0A && (start < 2 || bytes[start - 2] != 0x0D)) { start -= 1 }
            if end - start >= wanted.count, bytes[start..<(start + wanted.count)].elementsEqual(wanted) {
                let value = start + wanted.count
                if value < end, bytes[value] >= 0x80 { return CommitInfo.trailer(key, in: String(cString: message)) }
                return String(decoding: bytes[value..<end], as: UTF8.self)
            }
            guard start > 0 else { return nil }
            end = start - 1
        }
    }
}
