#include "controls/labeled_slider.hpp"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace conclab::ui {

namespace {
constexpr int kSteps = 1000;
}

LabeledSlider::LabeledSlider(const QString& label, const QString& unit, double minimum,
                             double maximum, int decimals, bool logarithmic, QWidget* parent)
    : QWidget(parent),
      label_(new QLabel(label, this)),
      slider_(new QSlider(Qt::Horizontal, this)),
      spin_(new QDoubleSpinBox(this)),
      minimum_(minimum),
      maximum_(maximum),
      limit_min_(minimum),
      limit_max_(maximum),
      logarithmic_(logarithmic) {
    slider_->setRange(0, kSteps);
    spin_->setDecimals(decimals);
    spin_->setRange(minimum, maximum);
    spin_->setSuffix(unit.isEmpty() ? QString() : " " + unit);
    spin_->setKeyboardTracking(false);  // typing "100" is one change, not three
    spin_->setMinimumWidth(96);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(label_, 0, 0, 1, 2);
    layout->addWidget(slider_, 1, 0);
    layout->addWidget(spin_, 1, 1);
    label_->setBuddy(spin_);

    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        const double v = value_for(position);
        if (v == spin_->value()) return;
        {
            const QSignalBlocker block(spin_);
            spin_->setValue(v);
        }
        emit valueChanged(spin_->value());
    });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        {
            const QSignalBlocker block(slider_);
            slider_->setValue(position_for(v));
        }
        emit valueChanged(v);
    });
    slider_->setValue(position_for(minimum));
}

double LabeledSlider::value() const {
    return spin_->value();
}

void LabeledSlider::set_value(double v) {
    spin_->setValue(std::clamp(v, limit_min_, limit_max_));
}

void LabeledSlider::set_range(double minimum, double maximum) {
    minimum_ = minimum;
    maximum_ = maximum;
    set_limits(std::min(minimum, limit_min_), std::max(maximum, limit_max_));
}

void LabeledSlider::set_limits(double minimum, double maximum) {
    limit_min_ = std::min(minimum, minimum_);
    limit_max_ = std::max(maximum, maximum_);
    spin_->setRange(limit_min_, limit_max_);
    const QSignalBlocker block(slider_);
    slider_->setValue(position_for(spin_->value()));
}

void LabeledSlider::set_tool_tip(const QString& text) {
    setToolTip(text);
    slider_->setToolTip(text);
    spin_->setToolTip(text);
    label_->setToolTip(text);
}

int LabeledSlider::position_for(double v) const {
    if (maximum_ <= minimum_) return 0;
    double fraction;
    if (logarithmic_) {
        const double lo = std::log(std::max(minimum_, 1e-3));
        fraction =
            (std::log(std::max(v, std::max(minimum_, 1e-3))) - lo) / (std::log(maximum_) - lo);
    } else {
        fraction = (v - minimum_) / (maximum_ - minimum_);
    }
    return static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kSteps));
}

double LabeledSlider::value_for(int position) const {
    const double fraction = static_cast<double>(position) / kSteps;
    double v;
    if (logarithmic_) {
        const double lo = std::log(std::max(minimum_, 1e-3));
        v = std::exp(lo + fraction * (std::log(maximum_) - lo));
    } else {
        v = minimum_ + fraction * (maximum_ - minimum_);
    }
    const double unit = std::pow(10.0, -spin_->decimals());
    v = std::round(v / unit) * unit;
    return std::clamp(v, minimum_, maximum_);
}

}  // namespace conclab::ui
