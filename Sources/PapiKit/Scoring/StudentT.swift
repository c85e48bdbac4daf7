import Foundation

/// Student's t distribution, for confidence intervals with the design's degrees of
/// freedom (R `qt`). The quantile is found by Newton's method on the distribution
/// function, which is computed from the regularised incomplete beta function
/// (Lentz's continued fraction), to about 1e-13.
public enum StudentT {
  /// The two-sided 95% critical value for `df` degrees of freedom: `qt(0.975, df)`.
  public static func critical95(df: Int) -> Double {
    df < table95.count ? table95[df] : quantile(0.975, df: Double(df))
  }

  /// `qt(0.975, df)` for small df, computed once (index 0 is unused).
  private static let table95: [Double] = [.nan] + (1..<1024).map { quantile(0.975, df: Double($0)) }

  /// The `p` quantile (0.5 < p < 1) for `df` > 0 degrees of freedom.
  public static func quantile(_ p: Double, df: Double) -> Double {
    precondition(p > 0.5 && p < 1 && df > 0)
    if df == 1 { return tan(Double.pi * (p - 0.5)) }
    if df == 2 { return (2 * p - 1) * (2 / (4 * p * (1 - p))).squareRoot() }
    if df > 1e7 { return NormalQuantile.upper(p) }
    // A start from the normal quantile with the Cornish–Fisher correction, then Newton.
    let z = NormalQuantile.upper(p)
    var t = z + (z * z * z + z) / (4 * df) + (5 * pow(z, 5) + 16 * pow(z, 3) + 3 * z) / (96 * df * df)
    for _ in 0..<50 {
      let error = cdf(t, df: df) - p
      let step = error / density(t, df: df)
      t -= step
      if abs(step) <= 1e-15 * max(1, abs(t)) { break }
    }
    return t
  }

  /// P(T ≤ t).
  public static func cdf(_ t: Double, df: Double) -> Double {
    let x = df / (df + t * t)
    let tail = 0.5 * regularizedBeta(x, a: df / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  static func density(_ t: Double, df: Double) -> Double {
    let logNorm = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
    return exp(logNorm - (df + 1) / 2 * log1p(t * t / df))
  }

  /// I_x(a, b).
  static func regularizedBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
    if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
    return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}

/// The standard normal quantile (Acklam's rational approximation refined by one Halley
/// step on `erfc`, about 1e-15).
enum NormalQuantile {
  /// The `p` quantile for p in (0.5, 1).
  static func upper(_ p: Double) -> Double {
    let q = 1 - p
    let r = (-2 * log(q)).squareRoot()
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838, -2.549732539343734,
      4.374664141464968, 2.938163982698783,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996, 3.754408661907416]
    var x: Double
    if q < 0.02425 {
      x =
        -(((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
        / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
    } else {
      let a = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239,
      ]
      let b = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01,
      ]
      let u = p - 0.5
      let s = u * u
      x =
        (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * u
        / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1)
    }
    // Halley's step on Φ(x) − p, with Φ from erfc.
    let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    return x - u / (1 + x * u / 2)
  }
}
