import Crypto
import Foundation

/// A dialog's version: the first 16 hex characters of the SHA-256 of its file's bytes.
enum DialogVersion {
    static func of(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
