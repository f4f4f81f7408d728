package dev.candor.bot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.chat.Message;

/** Neutral messages as JSON, the form they wait in the outbox until a gateway renders them. */
public final class MessageJson {
    private static final ObjectMapper mapper =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MessageJson() {}

    public static String write(Message message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message cannot be serialised", e);
        }
    }

    public static Message read(String json) {
        try {
            return mapper.readValue(json, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload is not a message: " + e.getOriginalMessage(), e);
        }
    }
}
