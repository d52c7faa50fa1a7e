// Commands of the application itself (not of one capability).
#pragma once

namespace bhxh {

class Shell;
void ServeCommand(Shell& sh);
void OpenApiCommand(Shell& sh);

}  // namespace bhxh
