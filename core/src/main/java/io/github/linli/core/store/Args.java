package io.github.linli.core.store;

import io.github.linli.core.ValidationException;
import java.util.List;

/** Argument checks shared by the stores. */
final class Args {
  private Args() {}

  static StreamId stream(StreamId s) {
    if (s == null) {
      throw new ValidationException("stream", null, "must not be null");
    }
    return s;
  }

  static long after(String field, long after) {
    if (after < 0) {
      throw new ValidationException(field, after, "must be 0 or more");
    }
    return after;
  }

  static int limit(int limit) {
    if (limit < 1 || limit > EventStore.MAX_READ) {
      throw new ValidationException("limit", limit, "must be 1 to " + EventStore.MAX_READ);
    }
    return limit;
  }

  static List<String> categories(List<String> categories) {
    if (categories == null || categories.isEmpty()) {
      throw new ValidationException("categories", categories == null ? null : "[]", "at least one category");
    }
    if (categories.size() > 64) {
      throw new ValidationException("categories", categories.size(), "at most 64");
    }
    for (String c : categories) {
      StreamId.category(c);
    }
    return List.copyOf(categories);
  }

  static AppendRequest request(AppendRequest r) {
    if (r == null) {
      throw new ValidationException("request", null, "must not be null");
    }
    return r;
  }
}
