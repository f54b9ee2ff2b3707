#include "ui/dialogs/electleadersdialog.h"

#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_electleadersdialog.h"

#include <QPushButton>

namespace kafscope {

ElectLeadersDialog::ElectLeadersDialog(Cluster* cluster, const QString& topic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ElectLeadersDialog>())
    , m_cluster(cluster)
    , m_topic(topic)
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Elect leaders of %1").arg(topic));
    m_ui->whatLabel->setText(
        QStringLiteral("A preferred election gives each partition's leadership back to its preferred leader (the first "
                       "replica), for example after a broker of <b>%1</b> was restarted and leads nothing.")
            .arg(topic.toHtmlEscaped()));
    m_electButton = m_ui->buttonBox->addButton(QStringLiteral("&Elect"), QDialogButtonBox::ActionRole);
    connect(m_electButton, &QPushButton::clicked, this, &ElectLeadersDialog::elect);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (auto* radio : { m_ui->topicRadio, m_ui->someRadio, m_ui->allRadio })
        connect(radio, &QRadioButton::toggled, this, &ElectLeadersDialog::update);
    connect(m_ui->partitionsEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_ui->partitionsEdit->text().isEmpty())
            m_ui->someRadio->setChecked(true);
        update();
    });
    connect(m_ui->uncleanCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->lossCheck->setVisible(on);
        if (!on)
            m_ui->lossCheck->setChecked(false);
        update();
    });
    connect(m_ui->lossCheck, &QCheckBox::toggled, this, &ElectLeadersDialog::update);
    m_refusal = cluster->writeRefusal();
    update();
}

ElectLeadersDialog::~ElectLeadersDialog() = default;

void ElectLeadersDialog::setScope(Scope scope, const QString& partitions)
{
    if (scope == Scope::SomePartitions)
        m_ui->partitionsEdit->setText(partitions);
    (scope == Scope::Topic                   ? m_ui->topicRadio
            : scope == Scope::SomePartitions ? m_ui->someRadio
                                             : m_ui->allRadio)
        ->setChecked(true);
}

void ElectLeadersDialog::setUnclean(bool on, bool lossAccepted)
{
    m_ui->uncleanCheck->setChecked(on);
    m_ui->lossCheck->setChecked(lossAccepted);
}

std::optional<protocol::ElectLeadersRequest> ElectLeadersDialog::request(QString* error) const
{
    protocol::ElectLeadersRequest r;
    r.type = m_ui->uncleanCheck->isChecked() ? protocol::ElectionType::Unclean : protocol::ElectionType::Preferred;
    if (m_ui->uncleanCheck->isChecked() && !m_ui->lossCheck->isChecked()) {
        *error = QStringLiteral("An unclean election can lose records: confirm that you accept it.");
        return std::nullopt;
    }
    if (m_ui->allRadio->isChecked())
        return r; // null: every partition
    const auto* info = m_cluster->metadata().topic(m_topic);
    if (!info) {
        *error = QStringLiteral("%1 is not in the cluster's metadata.").arg(m_topic);
        return std::nullopt;
    }
    protocol::ElectTopicPartitions tp { m_topic, {} };
    if (m_ui->someRadio->isChecked()) {
        const auto text = m_ui->partitionsEdit->text().trimmed();
        if (text.isEmpty()) {
            *error = QStringLiteral("Name the partitions, e.g. 0,2,5.");
            return std::nullopt;
        }
        for (const auto& part : text.split(QLatin1Char(','))) {
            bool ok = false;
            const int p = part.trimmed().toInt(&ok);
            if (!ok || !info->partition(p)) {
                *error = QStringLiteral("\"%1\" is not a partition of %2 (0 to %3).")
                             .arg(part.trimmed(), m_topic)
                             .arg(info->partitions.size() - 1);
                return std::nullopt;
            }
            if (!tp.partitions.contains(p))
                tp.partitions.append(p);
        }
    } else {
        for (const auto& p : info->partitions)
            tp.partitions.append(p.partition);
    }
    r.topicPartitions = QList<protocol::ElectTopicPartitions> { tp };
    return r;
}

void ElectLeadersDialog::update()
{
    QString error;
    const auto r = request(&error);
    m_electButton->setEnabled(r.has_value() && m_refusal.isEmpty() && !m_busy);
    // What would move: partitions whose leader is not their preferred one.
    QStringList moves;
    int considered = 0;
    for (const auto& t : m_cluster->metadata().topics) {
        if (r && r->topicPartitions && t.name != m_topic)
            continue;
        for (const auto& p : t.partitions) {
            if (r && r->topicPartitions && !r->topicPartitions->first().partitions.contains(p.partition))
                continue;
            ++considered;
            if (!p.replicas.isEmpty() && p.leader != p.replicas.first())
                moves.append(QStringLiteral("%1-%2: %3 → %4")
                                 .arg(t.name)
                                 .arg(p.partition)
                                 .arg(p.leader < 0 ? QStringLiteral("none") : QString::number(p.leader))
                                 .arg(p.replicas.first()));
        }
    }
    if (m_ui->uncleanCheck->isChecked())
        m_ui->previewLabel->setText(QStringLiteral("<span style='color:#b3261e'>Unclean: only partitions without any "
                                                   "in-sync replica change leader, to a replica that lacks some "
                                                   "records. Those records are gone, for every consumer.</span>"));
    else if (moves.isEmpty())
        m_ui->previewLabel->setText(
            QStringLiteral("All %1 partition(s) are led by their preferred leader: nothing would move.")
                .arg(considered));
    else
        m_ui->previewLabel->setText(QStringLiteral("%1 of %2 partition(s) would get their preferred leader back: %3%4")
                                        .arg(moves.size())
                                        .arg(considered)
                                        .arg(moves.mid(0, 10).join(QStringLiteral(", ")).toHtmlEscaped())
                                        .arg(moves.size() > 10 ? QStringLiteral(" …") : QString()));
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);
    else if (!r)
        showMessage(error, true);
    else if (!m_busy)
        inline_message::hide(m_ui->messageLabel);
}

bool ElectLeadersDialog::canElect() const
{
    return m_electButton->isEnabled();
}

QString ElectLeadersDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString ElectLeadersDialog::previewText() const
{
    return m_ui->previewLabel->text();
}

void ElectLeadersDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void ElectLeadersDialog::elect()
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    QString error;
    const auto r = request(&error);
    if (!r) {
        showMessage(error, true); // checked before sending: nothing goes out
        return;
    }
    m_busy = true;
    update();
    showMessage(QStringLiteral("Electing…"), false);
    m_cluster->electLeaders(*r, this, [this](const AdminResult<protocol::ElectLeadersResponse>& result) {
        m_busy = false;
        update();
        if (!result.ok()) {
            showMessage(result.error.message, true);
            return;
        }
        int elected = 0;
        int notNeeded = 0;
        QStringList failures;
        for (const auto& t : result.value->results)
            for (const auto& p : t.partitions) {
                if (p.errorCode == 0)
                    ++elected;
                else if (p.errorCode == 84) // ELECTION_NOT_NEEDED
                    ++notNeeded;
                else
                    failures.append(
                        QStringLiteral("%1-%2: %3")
                            .arg(t.topic)
                            .arg(p.partition)
                            .arg(AdminError::kafka(p.errorCode, {}, p.errorMessage.value_or(QString())).message));
            }
        QString text = QStringLiteral("Elected %1 leader(s); %2 partition(s) needed none.").arg(elected).arg(notNeeded);
        if (!failures.isEmpty())
            text += QLatin1Char('\n') + failures.join(QLatin1Char('\n'));
        showMessage(text, !failures.isEmpty());
        emit leadersElected();
    });
}

} // namespace kafscope
