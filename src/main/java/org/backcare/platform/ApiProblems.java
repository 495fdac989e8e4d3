package org.backcare.platform;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem document whose {@code detail} says what to
 * fix. Spring's defaults ("Failed to read request") are replaced wherever they would
 * leave a client guessing. Anything unforeseen becomes a 500 that reveals nothing
 * internal and is logged.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> refused(ProblemException ex) {
		return ResponseEntity.status(ex.status()).headers(ex.headers()).body(ex.toProblemDetail());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		// Only the constraint's name: the database's message would quote the values,
		// personal data among them.
		log.info("Refused a write that breaks a database constraint ({})", constraintName(ex));
		// SQLSTATE class 22 (data exception): a value the database cannot hold, such as a
		// year past 294276.
		if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"A value is outside the range that can be stored; nothing was changed.");
		}
		return problem(HttpStatus.CONFLICT, "conflict", "Conflicting data",
				"The request conflicts with data already stored; nothing was changed.");
	}

	/**
	 * The database is down or restarting. Whether a write in flight was committed cannot
	 * be known here, so the answer says how to retry safely instead of claiming nothing
	 * changed.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
		ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
				"Temporarily unavailable",
				"The database cannot be reached right now. Please try again shortly; a booking "
						+ "retried with the same Idempotency-Key is never made twice.");
		return ResponseEntity.status(problem.getStatusCode())
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem.getBody());
	}

	/**
	 * A write that kept losing to concurrent ones (deadlock or lock timeout, even after
	 * retries): nothing was written, and the same request may simply be sent again.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> contended(Exception ex) {
		log.warn("Gave up after repeated lock conflicts: {}", ex.getClass().getSimpleName());
		ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy, please retry",
				"Many requests competed for the same time at once and this one could not be settled. Nothing was saved; "
						+ "please send it again (with the same Idempotency-Key it can never book twice).");
		return ResponseEntity.status(problem.getStatusCode())
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem.getBody());
	}

	/**
	 * Date arithmetic past the ends of the calendar, e.g. a default range after year
	 * 999999999.
	 */
	@ExceptionHandler(DateTimeException.class)
	ResponseEntity<ProblemDetail> impossibleDate(DateTimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"A date or time is outside the supported range.");
	}

	private static String constraintName(DataIntegrityViolationException ex) {
		if (ex.getMostSpecificCause() instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
			return psql.getSQLState() + " " + psql.getServerErrorMessage().getConstraint();
		}
		return ex.getClass().getSimpleName();
	}

	/**
	 * A parameter or header refused by a {@code @Validated} controller's method
	 * validation (which reports it this way rather than as Spring MVC's own
	 * {@link HandlerMethodValidationException}): the same 400, naming the parameter.
	 */
	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolated(jakarta.validation.ConstraintViolationException ex) {
		List<Map<String, Object>> errors = ex.getConstraintViolations().stream().map(violation -> {
			String field = "";
			for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
				field = node.getName();
			}
			return Map.<String, Object>of("field", field, "message", violation.getMessage());
		}).toList();
		String fields = errors.stream()
			.map(error -> (String) error.get("field"))
			.distinct()
			.collect(Collectors.joining(", "));
		return badRequest("Invalid value for: " + fields + ".", Map.of("errors", errors));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Something went wrong on our side; nothing was changed. Please try again.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.toProblemDetail());
			}
		}
		return badRequest(unreadable(ex), Map.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiProblems::fieldError)
			.toList();
		String fields = errors.stream()
			.map(error -> (String) error.get("field"))
			.distinct()
			.collect(Collectors.joining(", "));
		String detail = ex.getBindingResult().getGlobalErrors().isEmpty() ? "Invalid value for: " + fields + "."
				: ex.getBindingResult().getGlobalErrors().get(0).getDefaultMessage();
		return badRequest(detail, Map.of("errors", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> (result instanceof ParameterErrors body)
					? body.getFieldErrors().stream().map(ApiProblems::fieldError)
					: result.getResolvableErrors()
						.stream()
						.map(error -> Map.<String, Object>of("field", parameterName(result), "message",
								String.valueOf(error.getDefaultMessage()))))
			.toList();
		String fields = errors.stream()
			.map(error -> (String) error.get("field"))
			.distinct()
			.collect(Collectors.joining(", "));
		return badRequest("Invalid value for: " + fields + ".", Map.of("errors", errors));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "value";
		String expected = (ex.getRequiredType() != null) ? expectation(ex.getRequiredType()) : "another type";
		return badRequest("Parameter '" + name + "' must be " + expected + "; '" + ex.getValue() + "' is not.",
				Map.of());
	}

	/**
	 * Spring's own refusals (a missing query parameter, 405, 406, 415, …) come as problem
	 * documents of type {@code about:blank}; each gets a stable BackCare type named for
	 * its status, so clients can tell the kinds apart without reading the text.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(ProblemException.type(slugOf(status)));
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	/** The stable problem type of a refusal that has no more specific one. */
	static String slugOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "invalid-request";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 503 -> "unavailable";
			default -> "http-" + status.value();
		};
	}

	private ResponseEntity<Object> badRequest(String detail, Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(ProblemException.type("invalid-request"));
		problem.setTitle("Invalid request");
		properties.forEach(problem::setProperty);
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemException.type(slug));
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}

	/**
	 * The name a client knows a parameter by: the header or request parameter name where
	 * there is one.
	 */
	private static String parameterName(ParameterValidationResult result) {
		RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return String.valueOf(result.getMethodParameter().getParameterName());
	}

	private static Map<String, Object> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
	}

	private static String unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof StreamReadException read) {
			String where = (read.getLocation() != null)
					? " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr()
					: "";
			return "The request body is not valid JSON" + where + ".";
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return "Field '" + path(invalid) + "' must be one of "
					+ Arrays.toString(invalid.getTargetType().getEnumConstants()) + ".";
		}
		if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
				&& !mismatch.getPath().isEmpty()) {
			return "Field '" + path(mismatch) + "' must be " + expectation(mismatch.getTargetType()) + ".";
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return "Field '" + path(jackson) + "' could not be read.";
		}
		return "The request body is missing or is not a JSON document of the expected shape.";
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map(reference -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static String expectation(Class<?> type) {
		return switch (type.getSimpleName()) {
			case "OffsetDateTime", "Instant", "ZonedDateTime" ->
				"an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00+01:00";
			case "LocalDate" -> "an ISO-8601 date, e.g. 2026-03-02";
			case "UUID" -> "a UUID";
			case "String" -> "a string";
			case "int", "Integer", "long", "Long" -> "a whole number";
			default ->
				type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a " + type.getSimpleName();
		};
	}

}
