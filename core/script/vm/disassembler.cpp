#include "script/vm/disassembler.h"

namespace loopscope::script::vm {

const char* op_name(Op op) {
    switch (op) {
        case Op::Nop:
            return "Nop";
        case Op::PopTop:
            return "PopTop";
        case Op::Copy:
            return "Copy";
        case Op::Swap:
            return "Swap";
        case Op::LoadConst:
            return "LoadConst";
        case Op::LoadFast:
            return "LoadFast";
        case Op::LoadFastChecked:
            return "LoadFastChecked";
        case Op::StoreFast:
            return "StoreFast";
        case Op::DeleteFast:
            return "DeleteFast";
        case Op::LoadDeref:
            return "LoadDeref";
        case Op::StoreDeref:
            return "StoreDeref";
        case Op::DeleteDeref:
            return "DeleteDeref";
        case Op::LoadClassDeref:
            return "LoadClassDeref";
        case Op::LoadClosure:
            return "LoadClosure";
        case Op::LoadName:
            return "LoadName";
        case Op::StoreName:
            return "StoreName";
        case Op::DeleteName:
            return "DeleteName";
        case Op::LoadGlobal:
            return "LoadGlobal";
        case Op::StoreGlobal:
            return "StoreGlobal";
        case Op::DeleteGlobal:
            return "DeleteGlobal";
        case Op::LoadAttr:
            return "LoadAttr";
        case Op::StoreAttr:
            return "StoreAttr";
        case Op::DeleteAttr:
            return "DeleteAttr";
        case Op::LoadMethod:
            return "LoadMethod";
        case Op::CallMethod:
            return "CallMethod";
        case Op::BinaryOp:
            return "BinaryOp";
        case Op::InplaceOp:
            return "InplaceOp";
        case Op::UnaryNegative:
            return "UnaryNegative";
        case Op::UnaryPositive:
            return "UnaryPositive";
        case Op::UnaryInvert:
            return "UnaryInvert";
        case Op::UnaryNot:
            return "UnaryNot";
        case Op::CompareOp:
            return "CompareOp";
        case Op::IsOp:
            return "IsOp";
        case Op::ContainsOp:
            return "ContainsOp";
        case Op::BinarySubscr:
            return "BinarySubscr";
        case Op::StoreSubscr:
            return "StoreSubscr";
        case Op::DeleteSubscr:
            return "DeleteSubscr";
        case Op::BuildSlice:
            return "BuildSlice";
        case Op::BuildTuple:
            return "BuildTuple";
        case Op::BuildList:
            return "BuildList";
        case Op::BuildSet:
            return "BuildSet";
        case Op::BuildMap:
            return "BuildMap";
        case Op::BuildString:
            return "BuildString";
        case Op::ListAppend:
            return "ListAppend";
        case Op::SetAdd:
            return "SetAdd";
        case Op::MapAdd:
            return "MapAdd";
        case Op::ListExtend:
            return "ListExtend";
        case Op::SetUpdate:
            return "SetUpdate";
        case Op::DictUpdate:
            return "DictUpdate";
        case Op::DictMerge:
            return "DictMerge";
        case Op::ListToTuple:
            return "ListToTuple";
        case Op::FormatValue:
            return "FormatValue";
        case Op::UnpackSequence:
            return "UnpackSequence";
        case Op::UnpackEx:
            return "UnpackEx";
        case Op::Jump:
            return "Jump";
        case Op::PopJumpIfFalse:
            return "PopJumpIfFalse";
        case Op::PopJumpIfTrue:
            return "PopJumpIfTrue";
        case Op::JumpIfFalseOrPop:
            return "JumpIfFalseOrPop";
        case Op::JumpIfTrueOrPop:
            return "JumpIfTrueOrPop";
        case Op::GetIter:
            return "GetIter";
        case Op::ForIter:
            return "ForIter";
        case Op::Call:
            return "Call";
        case Op::CallKw:
            return "CallKw";
        case Op::CallEx:
            return "CallEx";
        case Op::MakeFunction:
            return "MakeFunction";
        case Op::ReturnValue:
            return "ReturnValue";
        case Op::YieldValue:
            return "YieldValue";
        case Op::GetAwaitable:
            return "GetAwaitable";
        case Op::GetYieldFromIter:
            return "GetYieldFromIter";
        case Op::Send:
            return "Send";
        case Op::GetAiter:
            return "GetAiter";
        case Op::GetAnext:
            return "GetAnext";
        case Op::EndAsyncFor:
            return "EndAsyncFor";
        case Op::SetupFinally:
            return "SetupFinally";
        case Op::PopBlock:
            return "PopBlock";
        case Op::PushExcInfo:
            return "PushExcInfo";
        case Op::PopExcept:
            return "PopExcept";
        case Op::PopExceptAndReraise:
            return "PopExceptAndReraise";
        case Op::Reraise:
            return "Reraise";
        case Op::CheckExcMatch:
            return "CheckExcMatch";
        case Op::CheckEgMatch:
            return "CheckEgMatch";
        case Op::PrepReraiseStar:
            return "PrepReraiseStar";
        case Op::RaiseVarargs:
            return "RaiseVarargs";
        case Op::LoadAssertionError:
            return "LoadAssertionError";
        case Op::BeforeWith:
            return "BeforeWith";
        case Op::BeforeAsyncWith:
            return "BeforeAsyncWith";
        case Op::ExitWithNone:
            return "ExitWithNone";
        case Op::WithExceptStart:
            return "WithExceptStart";
        case Op::BuildClass:
            return "BuildClass";
        case Op::ImportName:
            return "ImportName";
        case Op::ImportFrom:
            return "ImportFrom";
        case Op::ImportStar:
            return "ImportStar";
        case Op::SetupAnnotations:
            return "SetupAnnotations";
        case Op::LoadLocals:
            return "LoadLocals";
        case Op::SuperCall:
            return "SuperCall";
        case Op::BuildConstSet:
            return "BuildConstSet";
        case Op::BuildConstFrozenset:
            return "BuildConstFrozenset";
        case Op::Count:
            return "Count";
    }
    return "?";
}

std::string disassemble(const CodeObject& c) {
    std::string out = "code " + c.qualname + " (" + c.filename + ")\n";
    for (std::size_t i = 0; i < c.code.size(); ++i) {
        const Instruction& ins = c.code[i];
        out += "  " + std::to_string(i) + " " + op_name(ins.op) + " " + std::to_string(ins.a);
        if (ins.b)
            out += "/" + std::to_string(ins.b);
        if ((ins.op == Op::LoadFast || ins.op == Op::StoreFast) && ins.a < c.varnames.size())
            out += " (" + c.varnames[ins.a] + ")";
        if ((ins.op == Op::LoadGlobal || ins.op == Op::StoreGlobal || ins.op == Op::LoadName ||
             ins.op == Op::StoreName || ins.op == Op::LoadAttr || ins.op == Op::LoadMethod ||
             ins.op == Op::StoreAttr) &&
            ins.a < c.names.size())
            out += " (" + c.names[ins.a] + ")";
        out += "   line " + std::to_string(c.line_at(i)) + "\n";
    }
    for (const auto& f : c.functions)
        out += disassemble(*f);
    return out;
}

}  // namespace loopscope::script::vm
