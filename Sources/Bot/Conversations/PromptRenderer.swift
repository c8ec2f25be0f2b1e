import Dialogs
import Telegram

/// Turns the engine's outputs into outbox items for one conversation.
struct PromptRenderer {
    let chatId: Int64
    let conversationId: Int64

    func items(for outputs: [Output]) -> [OutboxItem] {
        outputs.compactMap { output in
            switch output {
            case .ask(let prompt):
                let message = SendMessage(chatId: chatId, text: prompt.text, replyMarkup: keyboard(for: prompt).map(ReplyMarkup.inline))
                return .askQuestion(message, conversationId: conversationId, stepId: prompt.stepId)
            case .updateButtons(let prompt):
                return .editQuestion(QuestionEdit(chatId: chatId, conversationId: conversationId, stepId: prompt.stepId,
                                                  text: nil, keyboard: keyboard(for: prompt)))
            case .answered(let stepId, let display):
                return .editQuestion(QuestionEdit(chatId: chatId, conversationId: conversationId, stepId: stepId,
                                                  text: display, keyboard: nil))
            case .notice(let text):
                return .text(text, to: chatId)
            case .staleButton:
                // Answered on the callback query itself by the router.
                return nil
            }
        }
    }

    private func keyboard(for prompt: Prompt) -> InlineKeyboardMarkup? {
        guard !prompt.buttons.isEmpty else { return nil }
        return InlineKeyboardMarkup(inlineKeyboard: prompt.buttons.map { row in
            row.map { button in
                InlineKeyboardButton(
                    text: button.label,
                    callbackData: CallbackData.answer(conversationId: conversationId, stepId: prompt.stepId,
                                                      optionId: button.optionId).encoded)
            }
        })
    }
}
