package io.github.linli.matching;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.ServiceDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offers of a run, indexed per domain on a uniform grid of local metres so that a demand's
 * feasible offers are found from its grid cell. Built once; read-only after (thread-safe).
 */
final class OfferIndex {
  static final double METRES_PER_DEGREE = 111_195.0;

  final List<Offer> offers;
  final int[] capacity;
  private final Map<ServiceDomain, Grid> grids = new HashMap<>();
  private final Map<ServiceDomain, int[]> byDomain = new HashMap<>();

  OfferIndex(List<Offer> offers) {
    this.offers = List.copyOf(offers);
    capacity = new int[this.offers.size()];
    Set<String> ids = new HashSet<>();
    Map<ServiceDomain, List<Integer>> lists = new HashMap<>();
    for (int o = 0; o < this.offers.size(); o++) {
      Offer offer = this.offers.get(o);
      if (!ids.add(offer.id())) {
        throw new ValidationException("offers[" + o + "].id", offer.id(), "is a duplicate");
      }
      capacity[o] = offer.capacity();
      for (ServiceDomain d : offer.domains()) {
        lists.computeIfAbsent(d, x -> new ArrayList<>()).add(o);
      }
    }
    for (Map.Entry<ServiceDomain, List<Integer>> e : lists.entrySet()) {
      int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      byDomain.put(e.getKey(), members);
      grids.put(e.getKey(), new Grid(this.offers, members));
    }
  }

  /** All offers of a domain (for reason analysis). */
  int[] ofDomain(ServiceDomain d) {
    int[] a = byDomain.get(d);
    return a == null ? new int[0] : a;
  }

  /**
   * Writes the feasible offers of a need (every hard constraint but capacity) into {@code out}.
   */
  void feasible(Need need, Candidates out) {
    out.size = 0;
    Grid g = grids.get(need.domain());
    if (g == null) {
      return;
    }
    GeoPoint p = need.place();
    g.scan(p, (o) -> {
      Offer offer = offers.get(o);
      if (!offer.tiers().contains(need.tier()) || !offer.availability().overlaps(need.wanted())) {
        return;
      }
      if (g.surelyBeyond(p, offer)) {
        return; // the projected distance, never more than the true one, is already too far
      }
      double d = offer.place().distanceMetres(p);
      if (d > offer.radiusMetres() || !Admission.admits(offer.eligibility(), need.requester(), need.neighbourhood())) {
        return;
      }
      out.add(o, d);
    });
  }

  /** A growable list of (offer, distance). Not thread-safe. */
  static final class Candidates {
    int[] offer = new int[16];
    double[] dist = new double[16];
    int size;

    void add(int o, double d) {
      if (size == offer.length) {
        offer = Arrays.copyOf(offer, size * 2);
        dist = Arrays.copyOf(dist, size * 2);
      }
      offer[size] = o;
      dist[size] = d;
      size++;
    }
  }

  interface IntSink {
    void accept(int o);
  }

  /** A uniform grid over local metres; offers are listed in every cell their disk's box touches. */
  static final class Grid {
    private static final int MAX_CELLS = 1 << 22;
    private static final long MAX_CELLS_PER_OFFER = 1 << 12;

    private final double cosLat;
    private final double cell;
    private final double minX;
    private final double minY;
    private final int nx;
    private final int ny;
    private final int[] start;
    private final int[] items;
    private final int[] wide;

    Grid(List<Offer> offers, int[] members) {
      // The east-west scale is the smallest cosine any offer's disk reaches, so that projected
      // distances never exceed true ones and the grid never misses a feasible offer.
      double cosMin = 1;
      double[] radii = new double[members.length];
      for (int i = 0; i < members.length; i++) {
        Offer o = offers.get(members[i]);
        double reach = Math.abs(o.place().latitude()) + o.radiusMetres() / METRES_PER_DEGREE;
        cosMin = Math.min(cosMin, Math.cos(Math.toRadians(Math.min(90, reach))));
        radii[i] = o.radiusMetres();
      }
      cosLat = Math.max(0.01, cosMin);
      Arrays.sort(radii);
      double c = radii.length == 0 ? 1000 : Math.min(50_000, Math.max(50, radii[radii.length / 2]));
      double x0 = Double.POSITIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      List<Integer> wideList = new ArrayList<>();
      boolean[] isWide = new boolean[members.length];
      for (int i = 0; i < members.length; i++) {
        Offer o = offers.get(members[i]);
        double r = pad(o.radiusMetres());
        if ((2 * r / c + 1) * (2 * r / c + 1) > MAX_CELLS_PER_OFFER) {
          isWide[i] = true;
          wideList.add(members[i]);
          continue;
        }
        double x = x(o.place());
        double y = y(o.place());
        x0 = Math.min(x0, x - r);
        y0 = Math.min(y0, y - r);
        x1 = Math.max(x1, x + r);
        y1 = Math.max(y1, y + r);
      }
      if (x0 > x1) {
        x0 = 0;
        y0 = 0;
        x1 = 1;
        y1 = 1;
      }
      while (Math.ceil((x1 - x0) / c) * Math.ceil((y1 - y0) / c) > MAX_CELLS) {
        c *= 2;
      }
      cell = c;
      minX = x0;
      minY = y0;
      nx = Math.max(1, (int) Math.ceil((x1 - x0) / c));
      ny = Math.max(1, (int) Math.ceil((y1 - y0) / c));
      start = new int[nx * ny + 1];
      int[] target = null;
      for (int pass = 0; pass < 2; pass++) {
        int[] fill = pass == 0 ? null : Arrays.copyOf(start, start.length);
        if (pass == 1) {
          target = new int[start[nx * ny]];
        }
        for (int i = 0; i < members.length; i++) {
          if (isWide[i]) {
            continue;
          }
          Offer o = offers.get(members[i]);
          double r = pad(o.radiusMetres());
          double x = x(o.place());
          double y = y(o.place());
          int cx0 = clampX((int) Math.floor((x - r - minX) / cell));
          int cx1 = clampX((int) Math.floor((x + r - minX) / cell));
          int cy0 = clampY((int) Math.floor((y - r - minY) / cell));
          int cy1 = clampY((int) Math.floor((y + r - minY) / cell));
          for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
              int k = cy * nx + cx;
              if (pass == 0) {
                start[k + 1]++;
              } else {
                target[fill[k]++] = members[i];
              }
            }
          }
        }
        if (pass == 0) {
          for (int k = 0; k < nx * ny; k++) {
            start[k + 1] += start[k];
          }
        }
      }
      items = target;
      wide = wideList.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double pad(double r) {
      return r * 1.02 + 50;
    }

    /** Whether the projected distance (at most the true one) exceeds the padded radius. */
    boolean surelyBeyond(GeoPoint p, Offer o) {
      double dx = x(p) - x(o.place());
      double dy = y(p) - y(o.place());
      double r = pad(o.radiusMetres());
      return dx * dx + dy * dy > r * r;
    }

    private double x(GeoPoint p) {
      return p.longitude() * METRES_PER_DEGREE * cosLat;
    }

    private double y(GeoPoint p) {
      return p.latitude() * METRES_PER_DEGREE;
    }

    private int clampX(int c) {
      return Math.max(0, Math.min(nx - 1, c));
    }

    private int clampY(int c) {
      return Math.max(0, Math.min(ny - 1, c));
    }

    void scan(GeoPoint p, IntSink sink) {
      double fx = (x(p) - minX) / cell;
      double fy = (y(p) - minY) / cell;
      if (fx >= 0 && fy >= 0 && fx < nx && fy < ny) {
        int k = (int) fy * nx + (int) fx;
        for (int i = start[k]; i < start[k + 1]; i++) {
          sink.accept(items[i]);
        }
      }
      for (int o : wide) {
        sink.accept(o);
      }
    }
  }
}
