package org.backcare;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The published OpenAPI document as a contract: an exchange (request and answer) that the
 * document does not describe is a lie in the document, or a bug in the code. Checked with
 * Atlassian's swagger-request-validator against {@code /v3/api-docs} as BackCare serves
 * it.
 */
public final class ApiContract {

	private final OpenApiInteractionValidator validator;

	private ApiContract(String document) {
		this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
			.withLevelResolver(LevelResolver.create()
				// Callers without a token are part of every check: their request lacks
				// what the document asks for on purpose.
				.withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
				.build())
			.build();
	}

	public static ApiContract of(String document) {
		return new ApiContract(document);
	}

	/** What the document says is wrong with this exchange; empty when it describes it. */
	public List<String> violations(MvcResult result) {
		ValidationReport report = this.validator.validate(request(result.getRequest()), response(result.getResponse()));
		return report.getMessages().stream().map(ValidationReport.Message::getMessage).toList();
	}

	private static SimpleRequest request(MockHttpServletRequest mock) {
		SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(mock.getMethod()),
				mock.getRequestURI());
		mock.getParameterMap().forEach((name, values) -> request.withQueryParam(name, values));
		for (String name : Collections.list(mock.getHeaderNames())) {
			request.withHeader(name, Collections.list(mock.getHeaders(name)));
		}
		byte[] body = mock.getContentAsByteArray();
		if (body != null && body.length > 0) {
			request.withBody(new String(body, StandardCharsets.UTF_8));
		}
		return request.build();
	}

	private static SimpleResponse response(MockHttpServletResponse mock) {
		SimpleResponse.Builder response = SimpleResponse.Builder.status(mock.getStatus());
		for (String name : mock.getHeaderNames()) {
			response.withHeader(name, mock.getHeaders(name));
		}
		try {
			String body = mock.getContentAsString(StandardCharsets.UTF_8);
			if (!body.isEmpty()) {
				response.withBody(body);
			}
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		return response.build();
	}

}
