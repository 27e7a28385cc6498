#pragma once
// A slider paired with a spin box that shows the exact value and unit. The slider can be
// logarithmic (connections 1 … 10,000), so both ends are reachable with the mouse.

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
    // Clamped to the range; emits valueChanged only if the value changes.
    void set_value(double value);
    void set_range(double minimum, double maximum);
    double minimum() const { return minimum_; }
    double maximum() const { return maximum_; }
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
    bool logarithmic_;
};

}  // namespace conclab::ui
