package org.backcare.account;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and its one security scheme: the bearer token from
 * {@code POST /api/v1/auth/token}. Operations that need it say so with
 * {@code @SecurityRequirement(name = "bearer")}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "BackCare API", version = "v1",
		description = "Booking and care for massage clinics that treat back pain. Sign in with POST /api/v1/auth/token "
				+ "(e-mail and password) and send the token as 'Authorization: Bearer TOKEN'. Tokens expire after "
				+ "15 minutes and are revoked by POST /api/v1/auth/logout. Errors are RFC 9457 problem documents."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
		description = "A token from POST /api/v1/auth/token")
class ApiDocumentation {

}
