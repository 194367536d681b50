package io.github.linli.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.linli.timebank.Credits;
import java.io.IOException;

/**
 * {@code Credits} as {@code {"amount":90,"unit":"MINUTES"}} (whole minutes, or whole points on a
 * points ledger); read from that object or from a bare whole number of minutes. Loaded only when the
 * time bank is present. Not API. Thread-safe.
 */
final class TimebankJson {
  private TimebankJson() {}

  /** The unit written beside an amount: the ledger's smallest unit. */
  static final String UNIT = "MINUTES";

  static JsonSerializer<?> creditsWriter() {
    return new StdSerializer<Credits>(Credits.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(Credits value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("amount", value.units());
        gen.writeStringField("unit", UNIT);
        gen.writeEndObject();
      }
    };
  }

  static JsonDeserializer<?> creditsReader() {
    return new StdDeserializer<Credits>(Credits.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public Credits deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        JsonNode amount = node.isObject() ? node.get("amount") : node;
        if (node.isObject() && node.has("unit") && !UNIT.equals(node.get("unit").asText())) {
          throw JsonMappingException.from(p, "credits unit must be " + UNIT + ", was " + node.get("unit").asText());
        }
        if (amount == null || !amount.canConvertToExactIntegral() || !amount.canConvertToLong()) {
          throw JsonMappingException.from(p, "credits need a whole \"amount\" of minutes");
        }
        return Credits.ofMinutes(amount.longValue());
      }
    };
  }
}
