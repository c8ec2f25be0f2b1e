import Foundation

extension BotAPIDouble {
    /// One request as the double received it.
    public struct RecordedRequest: Sendable {
        /// The Bot API method from the path, e.g. "sendMessage" (for a path that is not `/bot<token>/<method>`, its last component).
        public let method: String
        /// Scalar parameters as strings; JSON objects and arrays re-encoded as compact JSON with sorted keys.
        public let params: [String: String]
        /// Multipart parts that carried a filename, by field name.
        public let files: [String: UploadedFile]
        /// Which accepted connection carried it (1 for the first connection).
        public let connectionId: Int
        /// When the whole request had been read.
        public let receivedAt: Date
        /// "GET" or "POST".
        public let httpMethod: String
        /// Request headers by lower-cased name.
        public let headers: [String: String]
        /// Whether the token in the path was the double's token.
        public let hasValidToken: Bool
    }

    /// A file part of a multipart/form-data request.
    public struct UploadedFile: Sendable, Equatable {
        /// The filename the client declared.
        public let filename: String
        /// The file's bytes.
        public let data: Data
        /// The part's Content-Type header, if it had one.
        public let contentType: String?
    }
}
