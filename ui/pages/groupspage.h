#pragma once
// The Groups page: every group of every broker (classic, KIP-848 consumer, share, others as such), searchable, with
// members, topics and total lag filled in as batches of descriptions arrive; the selected group's detail (state,
// coordinator, assignor, members with their partitions, and per-partition lag with its verdict).
#include "kafka/admin/lag.h"
#include "kafka/groups.h"

#include <QWidget>
#include <memory>

class QSortFilterProxyModel;
namespace Ui {
class GroupsPage;
}

namespace kafscope {

class Cluster;
class ConsumerGroupModel;
class GroupMemberModel;
class LagModel;
class LagHistoryModel;
class LagCharts;
class Settings;
namespace lag {
class LagHistory;
class LagSampler;
struct GroupSample;
} // namespace lag

class GroupsPage : public QWidget
{
    Q_OBJECT
public:
    // `history`: where samples are kept across runs (none: only in memory while the app runs).
    explicit GroupsPage(Cluster* session, lag::LagHistory* history = nullptr, QWidget* parent = nullptr);
    ~GroupsPage() override;

    ConsumerGroupModel* groupModel() const { return m_groupModel; }
    GroupMemberModel* memberModel() const { return m_memberModel; }
    LagModel* lagModel() const { return m_lagModel; }
    LagHistoryModel* historyModel() const { return m_historyModel; }
    LagCharts* charts() const { return m_charts; }
    lag::LagSampler* sampler() const { return m_sampler; }
    // Exports the selected group's history over the charts' span as CSV (answered in the detail status).
    void exportHistory(const QString& file);
    QSortFilterProxyModel* groupProxy() const { return m_groupProxy; }
    QString summaryText() const;
    QString listStatusText() const;
    QString detailInfoText() const;
    QString detailStatusText() const;
    // Lists the groups again (also done on every refresh while the page is shown).
    void reload();
    void selectGroup(const QString& name);
    QString selectedGroup() const;
    void restoreViewState(Settings* settings);
    // Opens the group playground window (a non-modal window of its own).
    void openPlayground();
    // Offset reset and deletes of the selected group (dialogs with a typed confirmation); the page reloads after one.
    void showResetOffsetsDialog();
    void showDeleteOffsetsDialog();
    void showDeleteGroupDialog();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onGroups(const GroupList& list);
    void summarizeNext();
    void loadDetail();
    void showDetail(const admin::GroupDetail& detail);
    void updateSummary();
    bool userSized(const QString& view) const;
    void updateGroupActions();

    std::unique_ptr<Ui::GroupsPage> m_ui;
    Cluster* m_session;
    Settings* m_settings = nullptr;
    ConsumerGroupModel* m_groupModel;
    QSortFilterProxyModel* m_groupProxy;
    GroupMemberModel* m_memberModel;
    LagModel* m_lagModel;
    bool m_listing = false;
    bool m_listedOnce = false;
    QList<GroupListing> m_toSummarize; // the batches still to describe, after a listing
    QString m_detailGroup;
    std::optional<admin::GroupDetail> m_detail;
    bool m_columnsSized = false;
    lag::LagHistory* m_history;
    lag::LagSampler* m_sampler;
    LagHistoryModel* m_historyModel;
    LagCharts* m_charts;
    void setUpHistoryTab();
    void loadHistory();
    void onSample(const QString& group, const lag::GroupSample& sample);
};

} // namespace kafscope
