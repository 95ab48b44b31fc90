package dev.asios.agent.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.Serial;
import java.util.Locale;

/** Writes enum constants as lower-case strings ({@code HYBRID} as {@code "hybrid"}), as the rest of the schema does. */
final class LowerCaseEnumSerializer extends StdSerializer<Enum<?>> {

    @Serial
    private static final long serialVersionUID = 1L;

    LowerCaseEnumSerializer() {
        super(Enum.class, false);
    }

    @Override
    public void serialize(Enum<?> value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(value.name().toLowerCase(Locale.ROOT));
    }
}
