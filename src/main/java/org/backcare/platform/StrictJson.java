package org.backcare.platform;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON input means what it says: a number is not a name, {@code true} is not a reason, and
 * {@code "1"} is not a boolean. Jackson would otherwise turn scalars into each other silently,
 * so a client bug would be stored instead of refused.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer refuseScalarCoercion() {
		return builder -> builder
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
			// "" or "   " (or "\u0000") is not "no value": an optional number or choice is left out or null.
			.withCoercionConfig(LogicalType.Integer, StrictJson::refuseBlank)
			.withCoercionConfig(LogicalType.Float, StrictJson::refuseBlank)
			.withCoercionConfig(LogicalType.Boolean, StrictJson::refuseBlank)
			.withCoercionConfig(LogicalType.Enum, StrictJson::refuseBlank);
	}

	private static void refuseBlank(tools.jackson.databind.cfg.MutableCoercionConfig config) {
		config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(false);
	}

}
