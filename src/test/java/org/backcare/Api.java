package org.backcare;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The API as one signed-in caller sees it: every request carries that caller's bearer
 * token.
 */
public final class Api {

	private final MockMvc mvc;

	private final String bearer;

	public Api(MockMvc mvc, String bearer) {
		this.mvc = mvc;
		this.bearer = bearer;
	}

	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, this.bearer));
	}

}
