package org.backcare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The published OpenAPI document is one a client can build on: a request made from
 * nothing but the document's own schema is accepted by every JSON endpoint (a 400 or 415
 * would mean the document describes a shape BackCare refuses, as it once did for STarT
 * Back). Records the body names do not exist here, so "not found" and rule refusals are
 * fine; what matters is that the body was read. The document is also written to
 * target/openapi.json for the linter in CI.
 */
@IntegrationTest
class OpenApiDocumentTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JsonMapper json;

	JsonNode document;

	@Test
	void aRequestBuiltFromTheDocumentsOwnSchemaIsAcceptedByEveryJsonEndpoint() throws Exception {
		String published = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), published);
		this.document = this.json.readTree(published);
		ClinicFixture.TestClinic clinic = this.fixture.open();
		String admin = clinic.bearer(clinic.admin());
		List<String> refused = new ArrayList<>();
		int sent = 0;
		for (Map.Entry<String, JsonNode> path : this.document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode body = operation.getValue()
					.path("requestBody")
					.path("content")
					.path("application/json")
					.path("schema");
				if (body.isMissingNode()) {
					continue;
				}
				// A path parameter takes its documented example, else an id.
				String uri = path.getKey();
				for (JsonNode parameter : operation.getValue().path("parameters")) {
					if (parameter.path("in").asString("").equals("path")) {
						JsonNode example = parameter.has("example") ? parameter.get("example")
								: parameter.path("schema").path("example");
						uri = uri.replace("{" + parameter.path("name").asString() + "}",
								example.isMissingNode() ? UUID.randomUUID().toString() : example.asString());
					}
				}
				uri = uri.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				// A client's own endpoints are called by a (new) client, everything else
				// by the front desk.
				String bearer = (uri.contains("/me/") || uri.endsWith("/review"))
						? clinic.bearer(clinic.signedIn(clinic.client())) : admin;
				String example = this.json.writeValueAsString(instanceOf(body));
				MvcResult result = this.mvc
					.perform(request(HttpMethod.valueOf(operation.getKey().toUpperCase()), uri)
						.header(HttpHeaders.AUTHORIZATION, bearer)
						.contentType(MediaType.APPLICATION_JSON)
						.content(example))
					.andReturn();
				sent++;
				int status = result.getResponse().getStatus();
				if (status == 400 || status == 415 || status >= 500) {
					refused.add(operation.getKey().toUpperCase() + " " + path.getKey() + " refused " + example + ": "
							+ status + " " + result.getResponse().getContentAsString());
				}
			}
		}
		assertThat(sent).as("JSON endpoints tried").isGreaterThan(20);
		assertThat(refused).as("requests built from the document that BackCare refused as malformed").isEmpty();
	}

	/**
	 * The simplest value the schema allows: its example, its first enum value, its
	 * minimum, its minimum length.
	 */
	private JsonNode instanceOf(JsonNode schema) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (schema.has("$ref")) {
			return instanceOf(resolve(schema.get("$ref").asString()));
		}
		if (schema.has("allOf")) {
			return instanceOf(schema.get("allOf").get(0));
		}
		if (schema.has("example")) {
			return schema.get("example");
		}
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		String type = schema.path("type").asString("object");
		String format = schema.path("format").asString("");
		switch (type) {
			case "string" -> {
				return nodes.stringNode(switch (format) {
					case "uuid" -> UUID.randomUUID().toString();
					case "date" -> LocalDate.now().plusDays(1).toString();
					case "date-time" -> "2030-01-07T10:00:00+01:00";
					case "email" -> "document-" + UUID.randomUUID() + "@example.org";
					default -> "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
				});
			}
			case "integer", "number" -> {
				return nodes.numberNode(schema.has("minimum") ? schema.get("minimum").asInt() : 1);
			}
			case "boolean" -> {
				return nodes.booleanNode(false);
			}
			case "array" -> {
				ArrayNode array = nodes.arrayNode();
				for (int i = 0; i < Math.max(1, schema.path("minItems").asInt(1)); i++) {
					array.add(instanceOf(schema.get("items")));
				}
				return array;
			}
			default -> {
				ObjectNode object = nodes.objectNode();
				JsonNode properties = schema.path("properties");
				for (Iterator<String> names = properties.propertyNames().iterator(); names.hasNext();) {
					String name = names.next();
					object.set(name, instanceOf(properties.get(name)));
				}
				if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()
						&& properties.isEmpty()) {
					JsonNode keys = schema.path("propertyNames");
					String key = keys.has("enum") ? keys.get("enum").get(0).asString() : "key";
					object.set(key, instanceOf(schema.get("additionalProperties")));
				}
				return object;
			}
		}
	}

	private JsonNode resolve(String reference) {
		return this.document.get("components").get("schemas").get(reference.substring(reference.lastIndexOf('/') + 1));
	}

}
