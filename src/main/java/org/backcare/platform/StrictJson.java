package org.backcare.platform;

import java.time.LocalDate;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON input means what it says: a number is not a name (nor an enum's position: a 1–5
 * Likert number sent for a STarT Back answer is refused, not read as the fourth option),
 * {@code true} is not a reason, and {@code "1"} is not a boolean. Jackson would otherwise
 * turn scalars into each other silently, so a client bug would be stored instead of
 * refused.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer refuseScalarCoercion() {
		return builder -> builder
			// A clinical answer is a name: "bothersomeness": 3 must not be stored as the
			// fourth option.
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			// "" or " " (or "\u0000") is not "no value": an optional number, choice or id
			// is
			// left out or null.
			.withCoercionConfig(LogicalType.Integer, StrictJson::refuseBlank)
			.withCoercionConfig(LogicalType.Float, StrictJson::refuseBlank)
			.withCoercionConfig(LogicalType.Boolean, StrictJson::refuseBlank)
			.withCoercionConfig(LogicalType.Enum, StrictJson::refuseBlank)
			// An optional id (a UUID) too.
			.withCoercionConfig(LogicalType.OtherScalar, StrictJson::refuseBlank)
			.addModule(new SimpleModule("iso-dates-only").addDeserializer(LocalDate.class, new IsoDateOnly()));
	}

	private static void refuseBlank(MutableCoercionConfig config) {
		config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(false);
	}

	/**
	 * A date is an ISO string ("2026-12-01"). Jackson also reads the array form [2026,
	 * 12, 1], and reads [] as no date at all, which would turn a malformed optional date
	 * into a missing one.
	 */
	static final class IsoDateOnly extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.isExpectedStartArrayToken()) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
		}

	}

}
