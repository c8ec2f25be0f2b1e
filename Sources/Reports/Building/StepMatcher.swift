import Foundation

/// Recognises the step ids the indicators read, by their bytes, without making strings.
struct StepMatcher {
    private let byDialog: [[(bytes: [UInt8], step: IndicatorData.Step)]] = IndicatorData.Dialog.allCases.map { dialog in
        dialog.steps.map { (Array($0.rawValue.utf8), $0) }
    }

    func step(_ bytes: UnsafeBufferPointer<UInt8>, in dialog: IndicatorData.Dialog) -> IndicatorData.Step? {
        guard let base = bytes.baseAddress else { return nil }
        for candidate in byDialog[dialog.rawValue] where candidate.bytes.count == bytes.count {
            if candidate.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, bytes.count) }) == 0 { return candidate.step }
        }
        return nil
    }
}
