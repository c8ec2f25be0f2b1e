/// Updates waiting to be confirmed, with getUpdates semantics: delivering an update does not remove it,
/// a later call whose offset is past its id does.
struct UpdateQueue {
    private struct Entry {
        let id: Int
        /// The update's payload key ("message", "callback_query", ...), for `allowed_updates`.
        let kind: String
        let json: [UInt8]
    }

    private var entries: [Entry] = []
    private var nextID = 1000

    var count: Int { entries.count }

    /// Gives the update the next id, stores it encoded and returns the id.
    mutating func append(_ update: [String: Any]) -> Int {
        var update = update
        let id = nextID
        nextID += 1
        update["update_id"] = id
        let kind = update.keys.sorted().first { $0 != "update_id" } ?? ""
        entries.append(Entry(id: id, kind: kind, json: TelegramJSON.encode(update)))
        return id
    }

    /// Forgets updates the offset confirms: those with smaller ids, or for a negative offset all but the last `-offset`.
    mutating func confirm(offset: Int) {
        if offset >= 0 {
            entries.removeAll { $0.id < offset }
        } else {
            entries.removeFirst(max(0, entries.count - (-offset)))
        }
    }

    /// The encoded updates a getUpdates call would return now, oldest first.
    func deliverable(limit: Int, allowed: Set<String>?) -> [[UInt8]] {
        Array(entries.lazy.filter { allowed?.contains($0.kind) ?? true }.prefix(limit).map(\.json))
    }
}
