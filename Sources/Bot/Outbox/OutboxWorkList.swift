import Foundation
import Store

/// What the outbox workers share: the rows the last look at the outbox found, the chats with a
/// call in flight, and how many messages are in flight.
///
/// Two rules keep DESIGN.md's promises with several workers:
/// - one call in flight per chat, and a chat's rows in order: a worker takes a row only while no
///   other call to that chat is in flight, and only when it is the chat's first row in the list;
/// - at most `messageLimit` messages in flight: a call a person would see twice if a crash
///   repeated it (a message, a document) counts. Button acknowledgements, edits, command menus and
///   leaving a chat go alongside: repeated, Telegram refuses the second answer to a button, an
///   edit to the same text changes nothing, and the others are the same request again.
///
/// A look reads a snapshot that can predate a send another worker has just recorded, so rows
/// settled since the look began are remembered and skipped until a later look has begun. Every
/// commit of this process empties the list, and a look that a commit overtook is read again, so a
/// row erased by /forget is not sent from an old list.
final class OutboxWorkList: @unchecked Sendable {
    /// What a worker does next.
    enum Step {
        case send(OutboxMessage)
        /// Read the ready rows and hand them to `finishLook`.
        case look(number: Int)
        /// Nothing to take: pass `events` to `sleep`.
        case wait(until: Date, events: Int)
    }

    private let condition = NSCondition()
    private let limiter: SharedRateLimiter
    let messageLimit: Int
    private var candidates: [Candidate] = []
    /// Chats whose first row in the list cannot go now, kept between calls to spare an allocation.
    /// Arrays, not sets: `next` checks every listed row against them, they hold a few dozen chats
    /// at most, and hashing each id cost more than scanning.
    private var heldChats: [Int64] = []
    /// Rows read by looks, kept across a commit that empties the list so that the next look need
    /// not decode them again: a pending row changes only when its own call is settled, which
    /// drops it from here.
    private var decoded: [Int64: OutboxMessage] = [:]
    private var chatsInFlight: [Int64] = []
    private var messagesInFlight = 0
    /// Rows whose outcome was recorded, with the number of the last look begun by then.
    private var settled: [Int64: Int] = [:]
    /// Safe calls sent whose rows are not deleted yet: their deletions ride on the next commit a
    /// worker makes anyway (`takeAcknowledgements`). Looks skip them meanwhile.
    private var unacknowledged: Set<Int64> = []
    /// The part of `unacknowledged` no worker has taken to delete yet, and since when.
    private var acknowledgementsToWrite: [Int64] = []
    private var acknowledgementsWaitingSince: Date?
    /// How long deletions may wait for a commit to ride on before a worker writes them alone.
    static let acknowledgementDelay: TimeInterval = 0.02
    /// Chats whose first row was put off (a 429, a failure to retry), with the number of the last
    /// look begun by then: lists from earlier looks may still offer the chat's later rows.
    private var putOff: [Int64: Int] = [:]
    private var looksBegun = 0
    private var lookInProgress = false
    /// Commits that may have changed which rows are ready: this process's (`noteCommit`), and
    /// rows put off by a worker.
    private var changes = 0
    private var changesAtLastLook = -1
    /// `noteCommit` calls, and their count when the look in progress began.
    private var commits = 0
    private var commitsAtLookBegin = 0
    /// Looks in a row set aside because a commit overtook them; after a few, one is taken anyway,
    /// so a stream of commits cannot keep the workers from sending.
    private var overtakenLooks = 0
    private static let overtakenLooksLimit = 3
    /// Anything a waiting worker should look at again for: changes, a finished look, a stop.
    private var events = 0
    private var stopped = false
    private var nextLookAt = Date.distantPast
    /// The last look left rows out (its limit, or a chat's cap): more wait once the list runs out.
    private var lastLookWasFull = false
    /// The last look found nothing, and no call was in flight when it ended.
    private var lastLookFoundNothing = false

    /// Where recent questions went, so the edit that follows an answer need not read the store.
    /// Conversation ids are AUTOINCREMENT, never reused, so an entry cannot point into another chat.
    private var recentQuestions: [QuestionKey: Int] = [:]
    private static let recentQuestionsLimit = 4096

    /// A row in the list, with what `next` asks of it worked out once.
    private struct Candidate {
        let row: OutboxMessage
        let isMessage: Bool
        let isPaced: Bool

        init(_ row: OutboxMessage) {
            self.row = row
            isMessage = !OutboxWorkList.isSafeToRepeat(row.method)
            isPaced = OutboxWorkList.isPaced(row)
        }
    }

    struct QuestionKey: Hashable {
        let conversationId: Int64
        let stepId: String
    }

    init(limiter: SharedRateLimiter, messageLimit: Int) {
        precondition(messageLimit >= 1, "at least one message must be allowed in flight")
        self.limiter = limiter
        self.messageLimit = messageLimit
    }

    /// Calls whose repeat after a crash a person would not see.
    static func isSafeToRepeat(_ method: String) -> Bool {
        if method == "sendMessage" { return false }
        switch method {
        case "answerCallbackQuery", "editMessageText", "editMessageReplyMarkup", "setMyCommands", "leaveChat": return true
        default: return false
        }
    }

    /// Answers to button presses are not chat messages: they are never held back, so the
    /// spinner on a person's button stops at once.
    static func isPaced(_ row: OutboxMessage) -> Bool {
        row.method != "answerCallbackQuery"
    }

    /// The next thing for a worker to do.
    func next(now: Date) -> Step {
        condition.lock()
        defer { condition.unlock() }
        var pacedUntil: Date?
        // Chats whose first row in the list cannot go now: their later rows wait behind it.
        heldChats.removeAll(keepingCapacity: true)
        // By index, not by iterator: an iterator would hold the array, and the removal below copy it.
        for index in candidates.indices {
            let candidate = candidates[index]
            let row = candidate.row
            if heldChats.contains(row.chatId) { continue }
            if chatsInFlight.contains(row.chatId)
                || (candidate.isMessage && messagesInFlight >= messageLimit) || (row.notBefore.map { $0 > now } ?? false) {
                heldChats.append(row.chatId)
                continue
            }
            // The slot is taken before the call, not after its answer: with several workers, a
            // check now and a record a round trip later would let them overshoot together. It is
            // taken at the clock's time now, not the caller's `now`, which may have been read before
            // this worker waited for the lock: a slot recorded too early lets the next ones go early.
            if candidate.isPaced, let free = limiter.claim(row.chatId, now: max(now, Date())) {
                pacedUntil = min(pacedUntil ?? free, free)
                heldChats.append(row.chatId)
                continue
            }
            candidates.remove(at: index)
            chatsInFlight.append(row.chatId)
            if candidate.isMessage { messagesInFlight += 1 }
            return .send(row)
        }
        if !lookInProgress && (changesAtLastLook != changes || now >= nextLookAt || (lastLookWasFull && candidates.isEmpty)) {
            lookInProgress = true
            changesAtLastLook = changes
            commitsAtLookBegin = commits
            looksBegun += 1
            return .look(number: looksBegun)
        }
        // Looking again before a paced chat's slot is free would only re-read the outbox (thousands
        // of rows during a round) for nothing; a commit or a finished call wakes the worker sooner.
        let until = lookInProgress ? (pacedUntil ?? now.addingTimeInterval(1)) : min(pacedUntil ?? nextLookAt, nextLookAt)
        return .wait(until: until, events: events)
    }

    /// Sleeps until `deadline`, or until anything happened since `next` returned `events`.
    func sleep(until deadline: Date, events seen: Int) {
        condition.lock()
        defer { condition.unlock() }
        while events == seen && !stopped {
            if !condition.wait(until: deadline) { return }
        }
    }

    /// Takes the rows a look found: pending rows of the chats whose first row may go, in order.
    /// `full`: the look left rows out. `wakeUp`: when the earliest row waiting on a back-off is due.
    func finishLook(number: Int, rows heads: [OutboxMessage], full: Bool, wakeUp: Date?, now: Date) {
        condition.lock()
        defer { condition.unlock() }
        lookInProgress = false
        // Rows no longer listed are let go now and then, not on every look.
        if decoded.count > 2 * heads.count + 256 { decoded.removeAll(keepingCapacity: true) }
        for row in heads { if let id = row.id, decoded[id] == nil { decoded[id] = row } }
        if commits != commitsAtLookBegin && overtakenLooks < Self.overtakenLooksLimit {
            // A commit landed while the store was read: the rows may include one it erased.
            overtakenLooks += 1
            events += 1
            condition.broadcast()
            return
        }
        overtakenLooks = 0
        // Rows settled before this look began cannot be in it, nor in any later one.
        settled = settled.filter { $0.value >= number }
        putOff = putOff.filter { $0.value >= number }
        candidates = heads.filter { row in
            row.id.map { settled[$0] == nil && !unacknowledged.contains($0) } ?? false && putOff[row.chatId] == nil
        }.map(Candidate.init)
        // Rows written by other processes (the CLI) are found by this periodic look.
        let periodic = now.addingTimeInterval(1)
        nextLookAt = min(wakeUp.map { max($0, now.addingTimeInterval(0.005)) } ?? periodic, periodic)
        lastLookFoundNothing = heads.isEmpty && chatsInFlight.isEmpty
        lastLookWasFull = full
        events += 1
        condition.broadcast()
    }

    /// A look failed: the next one waits until `retryAt`.
    func abandonLook(retryAt: Date) {
        condition.lock()
        defer { condition.unlock() }
        lookInProgress = false
        nextLookAt = retryAt
        changesAtLastLook = changes
        events += 1
        condition.broadcast()
    }

    /// How a row's call ended.
    enum Outcome {
        /// Sent, or refused for good: the row is gone from the pending ones.
        case done
        /// A safe call was sent and its row is still to be deleted (`takeAcknowledgements`): a crash
        /// before that only sends it again, which nobody sees.
        case sentUnacknowledged
        /// Rescheduled (a 429, a failure to retry): it stays its chat's first row, with a time to wait.
        case retryLater
        /// A shutdown cut the call short: nothing was recorded, and the row is still pending.
        case abandoned
    }

    /// The row's call is over. The worker that settles a row asks for its next step at once, so
    /// one sleeping worker is woken, for anything this freed that it cannot take itself.
    func settle(_ row: OutboxMessage, _ outcome: Outcome) {
        condition.lock()
        defer { condition.unlock() }
        // A call cut short by the shutdown may have reached Telegram: its chat gets nothing more
        // in this run, so its next row cannot overtake it and it is not sent twice.
        if outcome != .abandoned, let index = chatsInFlight.firstIndex(of: row.chatId) { chatsInFlight.remove(at: index) }
        if !Self.isSafeToRepeat(row.method) { messagesInFlight -= 1 }
        if outcome == .sentUnacknowledged, let id = row.id {
            unacknowledged.insert(id)
            if acknowledgementsToWrite.isEmpty { acknowledgementsWaitingSince = Date() }
            acknowledgementsToWrite.append(id)
            candidates.removeAll { $0.row.id == id }
        } else if outcome != .abandoned, let id = row.id {
            settled[id] = looksBegun
            // A look that began while the row was in flight may have listed it again.
            candidates.removeAll { $0.row.id == id }
            // A rescheduled row has a new time and attempt count (its back-off grows with them):
            // the next look reads it afresh.
            decoded[id] = nil
        }
        if outcome == .retryLater {
            // The chat's later rows wait behind the put-off one, which a look finds again when it is due.
            putOff[row.chatId] = looksBegun
            candidates.removeAll { $0.row.chatId == row.chatId }
            changes += 1
        }
        events += 1
        condition.signal()
    }

    /// The rows of sent safe calls still to be deleted, for the caller's next commit; it reports
    /// back with `acknowledged` or, if the commit failed, `notAcknowledged`.
    func takeAcknowledgements() -> [Int64] {
        condition.lock()
        defer { condition.unlock() }
        let ids = acknowledgementsToWrite
        acknowledgementsToWrite.removeAll(keepingCapacity: true)
        acknowledgementsWaitingSince = nil
        return ids
    }

    /// When the deletions waiting for a commit should be written alone, if any wait.
    var acknowledgementsDue: Date? {
        condition.lock()
        defer { condition.unlock() }
        return acknowledgementsWaitingSince.map { $0.addingTimeInterval(Self.acknowledgementDelay) }
    }

    /// The rows are deleted: looks begun from now on cannot list them.
    func acknowledged(_ ids: [Int64]) {
        guard !ids.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        for id in ids {
            unacknowledged.remove(id)
            settled[id] = looksBegun
        }
    }

    func notAcknowledged(_ ids: [Int64]) {
        guard !ids.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        if acknowledgementsToWrite.isEmpty { acknowledgementsWaitingSince = Date() }
        acknowledgementsToWrite.append(contentsOf: ids)
    }

    /// Rows were committed by this process (the poller, the scheduler, a command such as /forget):
    /// the list may hold a row that is gone, so it is dropped, and a look reads the outbox afresh.
    func noteCommit() {
        condition.lock()
        candidates.removeAll(keepingCapacity: true)
        commits += 1
        changes += 1
        events += 1
        condition.signal()
        condition.unlock()
    }

    /// The bot is stopping: sleeping workers wake to flush what is ready.
    func noteStop() {
        condition.lock()
        stopped = true
        events += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The rows the last look read, by id, for the next look to use instead of decoding them again.
    func heldRows() -> [Int64: OutboxMessage] {
        condition.lock()
        defer { condition.unlock() }
        return decoded
    }

    /// During a shutdown: the last look found nothing and no call is in flight.
    var isDrained: Bool {
        condition.lock()
        defer { condition.unlock() }
        return lastLookFoundNothing && chatsInFlight.isEmpty && candidates.isEmpty
    }

    func questionMessage(_ key: QuestionKey) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        return recentQuestions[key]
    }

    func rememberQuestion(_ key: QuestionKey, messageId: Int) {
        condition.lock()
        defer { condition.unlock() }
        if recentQuestions.count >= Self.recentQuestionsLimit { recentQuestions.removeAll(keepingCapacity: true) }
        recentQuestions[key] = messageId
    }
}
