package org.backcare.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * Writes a problem document straight to a servlet response, for the few places that
 * answer before Spring MVC runs (filters, the security chain).
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, int status, String slug, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"" + ProblemException.type(slug) + "\",\"title\":\"" + json(title) + "\",\"status\":"
					+ status + ",\"detail\":\"" + json(detail) + "\"}");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
