#pragma once
// Gunther's Universal Scalability Law fitted to measured throughput: X(N) = λN / (1 + σ(N−1) +
// κN(N−1)), with λ the throughput of one client alone, σ contention (the serial part: σ = 1 is
// a server that does one request at a time whatever N), κ coherency (crosstalk: κ > 0 makes X
// fall past N* = √((1−σ)/κ)); κ = 0 is Amdahl's law. Pure: points in, parameters out.
//
// Nonlinear least squares on X by a small Levenberg–Marquardt with the analytic Jacobian, from a
// few starting points, with λ > 0, 0 ≤ σ ≤ 1 and κ ≥ 0 kept by projection. Confidence intervals
// are the usual linearised ones: ± t(0.975, n−3) · √diag(s² (JᵀJ)⁻¹).

#include <optional>
#include <string>
#include <vector>

namespace conclab {

struct UslParameter {
    double value = 0;
    std::optional<double> low, high;  // 95 % confidence interval; empty when it cannot be had
};

struct UslFit {
    bool ok = false;
    std::string why_not;  // when !ok: "needs a point at N = 1", "needs at least 4 points, got 3"
    std::string caution;  // when ok but weak: fewer than 6 points, σ or κ at a bound
    UslParameter lambda, sigma, kappa;
    std::optional<double> n_star;   // √((1−σ)/κ) when κ > 0
    double r2 = 0;                  // 1 − SSR/SST (1 when the data has no spread and fits)
    std::vector<double> fitted;     // X(N) of the fit at each point, in the order given
    std::vector<double> residuals;  // measured − fitted, in the order given
};

// The model's throughput at n.
double usl_throughput(double lambda, double sigma, double kappa, double n);

// Points (n[i], x[i]). Needs a point at N = 1 and at least kMinUslPoints (three parameters and one
// degree of freedom); fewer than kRecommendedUslPoints (Gunther's six) fits with a caution.
inline constexpr std::size_t kMinUslPoints = 4;
inline constexpr std::size_t kRecommendedUslPoints = 6;
UslFit fit_usl(const std::vector<double>& n, const std::vector<double>& x);

}  // namespace conclab
