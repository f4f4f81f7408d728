package dev.candor.bot.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.candor.bot.chat.Message;
import dev.candor.storage.StorableText;
import java.io.IOException;

/** Neutral messages as JSON, the form they wait in the outbox until a gateway renders them. */
public final class MessageJson {
    private static final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule().addSerializer(String.class, new StorableStrings()));

    private MessageJson() {}

    public static String write(Message message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message cannot be serialised", e);
        }
    }

    /** @throws IllegalArgumentException without Jackson's message, which quotes the payload */
    public static Message read(String json) {
        try {
            return mapper.readValue(json, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "outbox payload is not a message (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The payload is {@code jsonb}, which refuses the {@code \u0000} escape Jackson would write for a NUL. */
    private static final class StorableStrings extends StdSerializer<String> {
        StorableStrings() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(StorableText.clean(value));
        }
    }
}
