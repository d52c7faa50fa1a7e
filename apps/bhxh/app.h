// Commands of the application itself (not of one capability).
#pragma once

namespace bhxh {

class Shell;
void ServeCommand(Shell& sh);
void OpenApiCommand(Shell& sh);
// `bhxh outbox`: the messages the system sent, and delivery into a pickup folder.
void OutboxCommand(Shell& sh);

}  // namespace bhxh
