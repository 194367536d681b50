package io.github.linli.spring.boot;

import io.github.linli.core.ConflictException;
import io.github.linli.core.LinliException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ValidationException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every {@link LinliException} with RFC 9457 problem details: 400 for a validation error,
 * 403 for a refused permission, 404 not found, 409 conflict, 503 for a store failure (retry later
 * with the same ids), 500 otherwise; the type is the troubleshooting page at the exception's anchor.
 * Opt-in: {@code linli.web.problem-details=true}. The detail is the exception's message, which
 * Linli keeps free of personal data. Thread-safe.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class LinliProblemDetails {
  private final String troubleshootingUrl;

  /**
   * Problem details linking to this troubleshooting page.
   *
   * @param troubleshootingUrl the page's URL
   */
  public LinliProblemDetails(String troubleshootingUrl) {
    this.troubleshootingUrl = troubleshootingUrl;
  }

  /**
   * The HTTP status for an exception.
   *
   * @param e the exception
   * @return the status
   */
  public static HttpStatus status(LinliException e) {
    if (e instanceof ValidationException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (e instanceof PermissionDeniedException) {
      return HttpStatus.FORBIDDEN;
    }
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof ConflictException) {
      return HttpStatus.CONFLICT;
    }
    String name = e.getClass().getName();
    if (name.endsWith(".StoreException") || name.endsWith(".EventStoreException")) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  /**
   * The problem details of an exception.
   *
   * @param e the exception
   * @return the response
   */
  @ExceptionHandler(LinliException.class)
  public ResponseEntity<ProblemDetail> handle(LinliException e) {
    HttpStatus status = status(e);
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setType(URI.create(troubleshootingUrl + "#" + e.troubleshootingAnchor()));
    p.setTitle(status.getReasonPhrase());
    p.setProperty("anchor", e.troubleshootingAnchor());
    return ResponseEntity.status(status).body(p);
  }
}
