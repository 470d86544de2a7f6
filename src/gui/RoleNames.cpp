#include "gui/RoleNames.h"

namespace madoguchi::gui {

QString RoleNames::display(services::Role role)
{
    switch (role) {
    case services::Role::MunicipalStaff:
        return tr("Municipal staff");
    case services::Role::InsurerClerk:
        return tr("Insurer clerk");
    case services::Role::Auditor:
        return tr("Auditor");
    case services::Role::Admin:
        return tr("Administrator");
    }
    return {};
}

QList<services::Role> RoleNames::all()
{
    return {services::Role::MunicipalStaff, services::Role::InsurerClerk, services::Role::Auditor,
            services::Role::Admin};
}

} // namespace madoguchi::gui
