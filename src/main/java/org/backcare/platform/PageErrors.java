package org.backcare.platform;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * People reading pages get a page when something is refused or fails: the site's layout,
 * a plain sentence and a way on, with the status code the refusal has. The API keeps its
 * problem documents ({@link ApiProblems}); this resolver steps aside for {@code /api/**}.
 * Errors that never reach a controller (the security chain's 403, an oversized form) are
 * rendered by Spring Boot's error controller from the same templates ({@code error/4xx},
 * {@code error/5xx}).
 */
@Configuration(proxyBeanMethods = false)
class PageErrors implements WebMvcConfigurer {

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(0, new Resolver());
	}

	/**
	 * The view and model for a page that answers {@code status}, with {@code detail} for
	 * the reader.
	 */
	static ModelAndView page(HttpStatus status, String detail) {
		return new ModelAndView(status.is5xxServerError() ? "error/5xx" : "error/4xx", Map.of("status", status.value(),
				"error", status.getReasonPhrase(), "detail", (detail != null) ? detail : ""), status);
	}

	static final class Resolver implements HandlerExceptionResolver, Ordered {

		private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")) {
				return null;
			}
			if (ex instanceof ProblemException problem) {
				response.setStatus(problem.status().value());
				return page(problem.status(), problem.getMessage());
			}
			HttpStatus status = statusOf(ex);
			if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
				log.error("Unexpected failure on a page", ex);
			}
			response.setStatus(status.value());
			return page(status, null);
		}

		private static HttpStatus statusOf(Exception ex) {
			if (ex instanceof NoResourceFoundException) {
				return HttpStatus.NOT_FOUND;
			}
			if (ex instanceof HttpRequestMethodNotSupportedException) {
				return HttpStatus.METHOD_NOT_ALLOWED;
			}
			if (ex instanceof HttpMediaTypeNotSupportedException) {
				return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			}
			if (ex instanceof HttpMediaTypeNotAcceptableException) {
				return HttpStatus.NOT_ACCEPTABLE;
			}
			if (ex instanceof MissingServletRequestParameterException || ex instanceof TypeMismatchException
					|| ex instanceof ServletRequestBindingException || ex instanceof HandlerMethodValidationException
					|| ex instanceof BindException || ex instanceof DateTimeException) {
				return HttpStatus.BAD_REQUEST;
			}
			// A value the database cannot hold (SQLSTATE class 22, a year past 294276,
			// say), as
			// the API answers it.
			if (ex instanceof org.springframework.dao.DataIntegrityViolationException integrity
					&& integrity.getMostSpecificCause() instanceof java.sql.SQLException sql
					&& sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return HttpStatus.BAD_REQUEST;
			}
			if (ex instanceof MaxUploadSizeExceededException) {
				return HttpStatus.CONTENT_TOO_LARGE;
			}
			if (ex instanceof DataAccessResourceFailureException || ex instanceof CannotCreateTransactionException
					|| ex instanceof PessimisticLockingFailureException) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			if (ex instanceof ResponseStatusException status) {
				HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
				return (resolved != null) ? resolved : HttpStatus.INTERNAL_SERVER_ERROR;
			}
			return HttpStatus.INTERNAL_SERVER_ERROR;
		}

	}

}
