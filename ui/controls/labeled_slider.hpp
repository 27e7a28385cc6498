#pragma once
// A slider paired with a spin box that shows the exact value and unit. The slider can be
// logarithmic (connections 1 … 10,000), so both ends are reachable with the mouse. The spin box
// may accept a wider range than the slider covers (set_limits): the slider spans the values
// worth dragging through, the spin box every value the run-field registry accepts.

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace conclab::ui {

class LabeledSlider : public QWidget {
    Q_OBJECT
public:
    LabeledSlider(const QString& label, const QString& unit, double minimum, double maximum,
                  int decimals, bool logarithmic, QWidget* parent = nullptr);

    double value() const;
    // Clamped to the limits; emits valueChanged only if the value changes.
    void set_value(double value);
    // The slider's range; the limits grow to include it.
    void set_range(double minimum, double maximum);
    // What the spin box accepts (at least the slider's range); beyond the slider's range the
    // slider rests at its end.
    void set_limits(double minimum, double maximum);
    double minimum() const { return minimum_; }
    double maximum() const { return maximum_; }
    double lower_limit() const { return limit_min_; }
    double upper_limit() const { return limit_max_; }
    void set_tool_tip(const QString& text);

    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spin_box() const { return spin_; }

signals:
    void valueChanged(double value);

private:
    int position_for(double value) const;
    double value_for(int position) const;

    QLabel* label_;
    QSlider* slider_;
    QDoubleSpinBox* spin_;
    double minimum_;
    double maximum_;
    double limit_min_;
    double limit_max_;
    bool logarithmic_;
};

}  // namespace conclab::ui
