package org.backcare.account;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Past;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: its title, its one security scheme (the bearer token from
 * {@code POST /api/v1/auth/token}), and the refusals every operation can answer with.
 * <p>
 * Operations that need a token say so with {@code @SecurityRequirement(name = "bearer")};
 * every other operation is public and says so with an empty {@code security}. Every
 * operation documents its refusals as RFC 9457 problem documents: 400 (every request can
 * be malformed), 401 and 403 where a token is needed, 404 where the path names a record,
 * 413 and 415 where it takes a body, 503 (the database can be away), and the rule
 * refusals (409, 410, 422) that its own {@code @ApiResponse} annotations name.
 * {@code AuthorizationMatrixTest} checks every answer of every endpoint against this
 * document, so what it says stays true.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "BackCare API", version = "v1",
		description = "Booking and care for massage clinics that treat back pain. Sign in with POST /api/v1/auth/token "
				+ "(e-mail and password) and send the token as 'Authorization: Bearer TOKEN'. Tokens expire after "
				+ "15 minutes and are revoked by POST /api/v1/auth/logout. Errors are RFC 9457 problem documents.",
		license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
		description = "A token from POST /api/v1/auth/token")
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	private static final Map<String, String> REFUSALS = Map.ofEntries(
			Map.entry("400", "Malformed, missing or out-of-range input"),
			Map.entry("401", "Not signed in, or the token is no longer valid"),
			Map.entry("403", "Signed in, but not allowed"),
			Map.entry("404", "No such record (or not one the caller may know of)"),
			Map.entry("409", "Conflicts with what is stored"), Map.entry("410", "Gone for good (an erased client)"),
			Map.entry("413", "The body is too large"), Map.entry("415", "The body is not JSON"),
			Map.entry("422", "Refused by a rule; 'rule' names it"), Map.entry("429", "Too many attempts"),
			Map.entry("503", "Temporarily unavailable; retry later"));

	@Bean
	OpenApiCustomizer refusalsAndSecurity() {
		return openApi -> {
			openApi.setServers(List.of(new Server().url("/").description("This BackCare")));
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
				if (!secured) {
					operation.setSecurity(List.of());
				}
				ApiResponses responses = operation.getResponses();
				refusal(responses, "400");
				refusal(responses, "503");
				if (secured) {
					refusal(responses, "401");
					refusal(responses, "403");
				}
				if (path.contains("{")) {
					refusal(responses, "404");
				}
				if (operation.getRequestBody() != null) {
					refusal(responses, "413");
					refusal(responses, "415");
				}
				// Refusals an operation names itself get the problem document as their
				// content.
				responses.forEach((status, response) -> {
					if (status.startsWith("4") || status.startsWith("5")) {
						response.setContent(problemContent());
						if (response.getDescription() == null || response.getDescription().isBlank()) {
							response.setDescription(REFUSALS.getOrDefault(status, "Refused"));
						}
					}
				});
				summaryEndsWithoutPeriod(operation);
			}));
		};
	}

	/**
	 * What Bean Validation demands and springdoc does not write down on its own: a box
	 * that must be ticked ({@code @AssertTrue}) can only be {@code true}; a date that
	 * must lie in the past says so, with an example that does.
	 */
	@Bean
	PropertyCustomizer validationRulesInTheDocument() {
		return (property, type) -> {
			if (type.getCtxAnnotations() == null) {
				return property;
			}
			for (Annotation annotation : type.getCtxAnnotations()) {
				if (annotation instanceof AssertTrue) {
					property.setEnum(null);
					property.addEnumItemObject(Boolean.TRUE);
				}
				if (annotation instanceof Past) {
					property.setDescription("A date in the past");
					property.setExample("1980-01-01");
				}
			}
			return property;
		};
	}

	private static void refusal(ApiResponses responses, String status) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(REFUSALS.get(status)));
		}
	}

	private static void summaryEndsWithoutPeriod(Operation operation) {
		if (operation.getSummary() != null && operation.getSummary().endsWith(".")) {
			operation.setSummary(operation.getSummary().substring(0, operation.getSummary().length() - 1));
		}
	}

	private static Content problemContent() {
		return new Content().addMediaType("application/problem+json",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	/**
	 * RFC 9457, with BackCare's two extensions: field errors and the rule that refused.
	 */
	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema fieldError = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema()
			.description(
					"An RFC 9457 problem document. 'type' is stable (urn:backcare:problem:<kind>); 'detail' says what "
							+ "to do.")
			.addProperty("type", new StringSchema().format("uri").example("urn:backcare:problem:invalid-request"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("rule", new StringSchema().description("For rule refusals: which rule refused"))
			.addProperty("errors",
					new ArraySchema().items(fieldError).description("For invalid input: each field's problem"))
			.required(List.of("type", "title", "status"));
	}

}
