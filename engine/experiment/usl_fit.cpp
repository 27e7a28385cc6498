#include "experiment/usl_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace conclab {

namespace {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

struct Params {
    double lambda, sigma, kappa;
};

// Inverse of a 3×3 matrix by its adjugate; nothing when singular. For a normal matrix of the USL
// the parameters differ in scale by many orders (κ's column is N² times λ's), so the matrix is
// first scaled to a unit diagonal (Jacobi) and the singularity test made on that.
std::optional<Mat3> inverse(const Mat3& m) {
    Vec3 d{};
    for (int i = 0; i < 3; ++i) {
        if (!(m[i][i] > 0) || !std::isfinite(m[i][i])) return std::nullopt;
        d[i] = std::sqrt(m[i][i]);
    }
    Mat3 s{};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) s[i][j] = m[i][j] / (d[i] * d[j]);
    }
    Mat3 adj{};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            const int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
            adj[i][j] = s[r0][c0] * s[r1][c1] - s[r0][c1] * s[r1][c0];
        }
    }
    const double det = s[0][0] * adj[0][0] + s[0][1] * adj[1][0] + s[0][2] * adj[2][0];
    if (!std::isfinite(det) || std::fabs(det) <= 1e-13) return std::nullopt;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) adj[i][j] /= det * d[i] * d[j];
    }
    return adj;
}

Params project(Params p) {
    p.lambda = std::max(p.lambda, 1e-12);
    p.sigma = std::clamp(p.sigma, 0.0, 1.0);
    p.kappa = std::max(p.kappa, 0.0);
    return p;
}

double ssr(const Params& p, const std::vector<double>& n, const std::vector<double>& x) {
    double sum = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const double r = x[i] - usl_throughput(p.lambda, p.sigma, p.kappa, n[i]);
        sum += r * r;
    }
    return sum;
}

// ∂X/∂(λ, σ, κ) at n.
Vec3 gradient(const Params& p, double n) {
    const double d = 1 + p.sigma * (n - 1) + p.kappa * n * (n - 1);
    return {n / d, -p.lambda * n * (n - 1) / (d * d), -p.lambda * n * n * (n - 1) / (d * d)};
}

Mat3 normal_matrix(const Params& p, const std::vector<double>& n) {
    Mat3 jtj{};
    for (double ni : n) {
        const Vec3 g = gradient(p, ni);
        for (int a = 0; a < 3; ++a) {
            for (int b = 0; b < 3; ++b) jtj[a][b] += g[a] * g[b];
        }
    }
    return jtj;
}

Params levenberg_marquardt(Params p, const std::vector<double>& n, const std::vector<double>& x) {
    double mu = 1e-3;
    double cost = ssr(p, n, x);
    for (int iteration = 0; iteration < 500; ++iteration) {
        const Mat3 jtj = normal_matrix(p, n);
        Vec3 jtr{};
        for (std::size_t i = 0; i < n.size(); ++i) {
            const Vec3 g = gradient(p, n[i]);
            const double r = x[i] - usl_throughput(p.lambda, p.sigma, p.kappa, n[i]);
            for (int a = 0; a < 3; ++a) jtr[a] += g[a] * r;
        }
        bool improved = false;
        while (mu < 1e12) {
            Mat3 damped = jtj;
            for (int a = 0; a < 3; ++a) damped[a][a] = (1 + mu) * std::max(jtj[a][a], 1e-300);
            const auto inv = inverse(damped);
            if (!inv) {
                mu *= 10;
                continue;
            }
            Vec3 step{};
            for (int a = 0; a < 3; ++a) {
                for (int b = 0; b < 3; ++b) step[a] += (*inv)[a][b] * jtr[b];
            }
            const Params trial =
                project({p.lambda + step[0], p.sigma + step[1], p.kappa + step[2]});
            const double trial_cost = ssr(trial, n, x);
            if (trial_cost < cost) {
                const double gain = cost - trial_cost;
                p = trial;
                cost = trial_cost;
                mu = std::max(mu / 10, 1e-12);
                improved = gain > 1e-15 * std::max(cost, 1e-300);
                break;
            }
            mu *= 10;
        }
        if (!improved) break;
    }
    return p;
}

double t_975(int df) {
    static constexpr double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                        2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                        2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                        2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
    if (df < 1) return std::numeric_limits<double>::quiet_NaN();
    if (df <= 30) return kTable[df - 1];
    return 1.96;
}

// Why these points cannot be fitted, or empty; `x_at_one` is then the mean throughput at N = 1.
std::string input_problem(const std::vector<double>& n, const std::vector<double>& x,
                          double& x_at_one) {
    if (n.size() != x.size()) return "as many throughputs as client counts are needed";
    x_at_one = 0;
    int ones = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (!(n[i] >= 1) || !std::isfinite(x[i]) || x[i] <= 0) {
            return "every point needs N >= 1 and a throughput above 0 (N = " +
                   std::to_string(n[i]) + " has none)";
        }
        if (n[i] == 1) {
            x_at_one += x[i];
            ++ones;
        }
    }
    if (ones == 0) return "needs a point at N = 1 (λ is the throughput of one client alone)";
    if (n.size() < kMinUslPoints) {
        return "needs at least " + std::to_string(kMinUslPoints) + " points (" +
               std::to_string(kRecommendedUslPoints) + " recommended), got " +
               std::to_string(n.size());
    }
    x_at_one /= ones;
    return {};
}

// A few starts over contention and coherency; the best end wins. `cost` is its sum of squares.
Params best_fit(double x_at_one, const std::vector<double>& n, const std::vector<double>& x,
                double& cost) {
    Params best{x_at_one, 0, 0};
    cost = std::numeric_limits<double>::infinity();
    for (double sigma : {0.0, 0.05, 0.3, 0.7, 0.99}) {
        for (double kappa : {0.0, 1e-4, 1e-2}) {
            const Params end = levenberg_marquardt({x_at_one, sigma, kappa}, n, x);
            const double end_cost = ssr(end, n, x);
            if (end_cost < cost) {
                cost = end_cost;
                best = end;
            }
        }
    }
    return best;
}

// The fitted curve at each point, the residuals and R².
void add_goodness_of_fit(UslFit& fit, const Params& best, double cost, const std::vector<double>& n,
                         const std::vector<double>& x) {
    double mean = 0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(x.size());
    double sst = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const double f = usl_throughput(best.lambda, best.sigma, best.kappa, n[i]);
        fit.fitted.push_back(f);
        fit.residuals.push_back(x[i] - f);
        sst += (x[i] - mean) * (x[i] - mean);
    }
    fit.r2 = sst > 0 ? 1 - cost / sst : (cost <= 1e-9 * mean * mean ? 1.0 : 0.0);
}

// 95 % intervals of the three parameters from the covariance (s² (JᵀJ)⁻¹) and Student's t.
void add_confidence_intervals(UslFit& fit, const Params& best, double cost,
                              const std::vector<double>& n) {
    const int df = static_cast<int>(n.size()) - 3;
    const double s2 = cost / df;
    const auto cov = inverse(normal_matrix(best, n));
    if (!cov) return;
    const double t = t_975(df);
    UslParameter* params[] = {&fit.lambda, &fit.sigma, &fit.kappa};
    for (int a = 0; a < 3; ++a) {
        const double var = s2 * (*cov)[a][a];
        if (var >= 0 && std::isfinite(var)) {
            params[a]->low = params[a]->value - t * std::sqrt(var);
            params[a]->high = params[a]->value + t * std::sqrt(var);
        }
    }
}

std::string caution_about(std::size_t points, double sigma) {
    std::string caution;
    if (points < kRecommendedUslPoints) {
        caution = "only " + std::to_string(points) + " points; the USL wants at least " +
                  std::to_string(kRecommendedUslPoints) + " for σ and κ to be trusted";
    }
    if (sigma >= 1 - 1e-9) {
        caution += std::string(caution.empty() ? "" : "; ") +
                   "σ at its bound 1: throughput does not grow with N at all (one request at a "
                   "time)";
    }
    return caution;
}

}  // namespace

double usl_throughput(double lambda, double sigma, double kappa, double n) {
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

UslFit fit_usl(const std::vector<double>& n, const std::vector<double>& x) {
    UslFit fit;
    double x_at_one = 0;
    fit.why_not = input_problem(n, x, x_at_one);
    if (!fit.why_not.empty()) return fit;
    double cost = 0;
    const Params best = best_fit(x_at_one, n, x, cost);
    fit.ok = true;
    fit.lambda.value = best.lambda;
    fit.sigma.value = best.sigma;
    fit.kappa.value = best.kappa;
    if (best.kappa > 1e-12) fit.n_star = std::sqrt((1 - best.sigma) / best.kappa);
    add_goodness_of_fit(fit, best, cost, n, x);
    add_confidence_intervals(fit, best, cost, n);
    fit.caution = caution_about(n.size(), best.sigma);
    return fit;
}

}  // namespace conclab
