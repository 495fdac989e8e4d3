package org.backcare.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No BackCare request needs more than a few kilobytes; a larger body is refused with 413
 * before anything reads it, so an oversized upload can neither exhaust memory nor
 * half-write a record. Bodies sent without a length are cut off at the same limit while
 * they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(@Value("${backcare.max-request-size:64KB}") DataSize maxRequestSize) {
		this.maxBytes = maxRequestSize.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE.value(), "payload-too-large",
						"Request too large", BodyTooLarge.detail(this.maxBytes));
			}
			else {
				// A person sent a form: the site's own error page says so (rendered by
				// the error controller).
				response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			}
			return;
		}
		chain.doFilter(new BoundedBodyRequest(request, this.maxBytes), response);
	}

}
