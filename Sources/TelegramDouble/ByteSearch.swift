#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element == UInt8 {
    /// The index where `needle` first occurs at or after `start`, or nil.
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0, count - start >= needle.count else { return nil }
        // memchr/memcmp keep large multipart bodies fast even in debug builds.
        return withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                let lastStart = count - needle.count
                var position = start
                while position <= lastStart {
                    guard let hit = memchr(base + position, Int32(first), lastStart - position + 1) else { return nil }
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, patternBase, needle.count) == 0 { return index }
                    position = index + 1
                }
                return nil
            }
        }
    }
}
