import Foundation

/// A loaded, validated dialog: immutable, indexed once, safe to share between conversations.
/// A value type over one shared storage object, so handing it to the engine costs a single reference count.
public struct Dialog: Sendable {
    private let storage: Storage

    public var id: String { storage.id }
    public var title: LocalizedText { storage.title }
    /// The languages staff intend to provide; others fall back to Russian without a warning.
    public var languages: [Language] { storage.languages }
    /// How long a started conversation stays open; `nil` means it never expires.
    public var expiry: TimeInterval? { storage.expiry }
    /// Said after Send (or at the end of a dialog without review); the engine has a default when there is a review.
    public var thanks: LocalizedText? { storage.thanks }
    /// Top-level steps in file order; repeat groups hold their own steps.
    public var steps: [Step] { storage.steps }
    /// First 16 hex characters of the SHA-256 of the file's bytes.
    public var version: String { storage.version }
    /// The file's text, so an older version can be stored and parsed again later.
    public var source: String { storage.source }
    public var fileName: String { storage.fileName }

    /// Where the step with this id lives.
    func address(of stepId: String) -> StepAddress? { storage.address(of: stepId) }
    /// Index of the review step among `steps`, if any.
    var reviewIndex: Int? { storage.reviewIndex }
    /// Line of `id:` in the file, for diagnostics about the dialog as a whole.
    var idLine: Int { storage.idLine }
    var jumpsBackward: Bool { storage.jumpsBackward }
    /// The title per language ordinal, HTML-escaped.
    var escapedTitles: [String] { storage.escapedTitles }

    init(id: String, title: LocalizedText, languages: [Language], expiry: TimeInterval?, thanks: LocalizedText?,
         steps: [Step], version: String, source: String, fileName: String, idLine: Int = 1) {
        storage = Storage(id: id, title: title, languages: languages, expiry: expiry, thanks: thanks, steps: steps,
                          version: version, source: source, fileName: fileName, idLine: idLine)
    }

    /// The step with this id, at any depth.
    public func step(id: String) -> Step? {
        storage.address(of: id).map(step(at:))
    }

    func step(at address: StepAddress) -> Step {
        let top = storage.steps[address.top]
        guard let inner = address.inner else { return top }
        return top.innerSteps[inner]
    }

    func group(at top: Int) -> RepeatGroup? {
        if case .repeatGroup(let group) = storage.steps[top].kind { group } else { nil }
    }

    private final class Storage: Sendable {
        let id: String
        let title: LocalizedText
        let languages: [Language]
        let expiry: TimeInterval?
        let thanks: LocalizedText?
        let steps: [Step]
        let version: String
        let source: String
        let fileName: String
        /// Every step id with its place, in file order, and a cheap fingerprint of each id.
        let addresses: [(id: String, address: StepAddress)]
        let fingerprints: [UInt64]
        let reviewIndex: Int?
        /// Whether some `next` goes back to an earlier step (or itself), so a walk can meet a step twice.
        let jumpsBackward: Bool
        let escapedTitles: [String]
        let idLine: Int

        init(id: String, title: LocalizedText, languages: [Language], expiry: TimeInterval?, thanks: LocalizedText?,
             steps: [Step], version: String, source: String, fileName: String, idLine: Int) {
            self.id = id
            self.title = title
            self.languages = languages
            self.expiry = expiry
            self.thanks = thanks
            self.steps = steps
            self.version = version
            self.source = source
            self.fileName = fileName
            self.idLine = idLine
            var addresses: [(id: String, address: StepAddress)] = []
            for (top, step) in steps.enumerated() {
                addresses.append((step.id, StepAddress(top: top, inner: nil)))
                for (inner, innerStep) in step.innerSteps.enumerated() {
                    addresses.append((innerStep.id, StepAddress(top: top, inner: inner)))
                }
            }
            self.addresses = addresses
            fingerprints = addresses.map { Self.fingerprint($0.id) }
            escapedTitles = Language.allCases.map { HTML.escape(title.string(in: $0)) }
            reviewIndex = steps.firstIndex { $0.kind.isReview }
            let order = Dictionary(addresses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
            jumpsBackward = addresses.enumerated().contains { index, entry in
                let step = entry.address.inner.map { steps[entry.address.top].innerSteps[$0] } ?? steps[entry.address.top]
                return step.jumps.contains { (order[$0.target] ?? Int.max) <= index }
            }
        }

        /// A scan over fingerprints, not a hash: dialogs have tens of steps and ids are short,
        /// so this beats SipHash and avoids a string comparison per entry.
        func address(of stepId: String) -> StepAddress? {
            let wanted = Self.fingerprint(stepId)
            for index in fingerprints.indices where fingerprints[index] == wanted && addresses[index].id == stepId {
                return addresses[index].address
            }
            return nil
        }

        /// FNV-1a over the id's bytes.
        static func fingerprint(_ id: String) -> UInt64 {
            let fold = { (bytes: UnsafeBufferPointer<UInt8>) -> UInt64 in
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for byte in bytes {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
                }
                return hash
            }
            if let hash = id.utf8.withContiguousStorageIfAvailable(fold) { return hash }
            return Array(id.utf8).withUnsafeBufferPointer(fold)
        }
    }
}

/// A step's place: a top-level index, and an index inside that top-level repeat group.
struct StepAddress: Sendable, Hashable {
    let top: Int
    let inner: Int?
}
